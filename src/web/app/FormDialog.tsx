import { Alert, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FormDialogProps {
  title: ReactNode;
  okText: string;
  /** The dialog's form: OK submits it, so its own validation and onFinish run. */
  form: { submit(): void };
  saving: boolean;
  onClose: () => void;
  /** Someone else changed the record: say so above the form (the dialog has reloaded it). */
  conflict?: boolean;
  testId?: string;
  children: ReactNode;
}

/** The console's edit dialog: OK submits the form, a click outside does not close it, conflicts are shown. */
export function FormDialog({
  title,
  okText,
  form,
  saving,
  onClose,
  conflict,
  testId,
  children,
}: FormDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={title}
      okText={okText}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={saving}
      mask={{ closable: false }}
      data-testid={testId}
    >
      {conflict && <Alert type="warning" showIcon title={t('errors.conflict')} className="ly-form-alert" />}
      {children}
    </Modal>
  );
}
