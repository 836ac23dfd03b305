import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api';
import { useShowError } from '../../app/hooks';

type Field = 'idNumber' | 'phone';

/** Ask for a reason, then show one full value; the server records who, when, which field and why. */
export function RevealDialog({
  residentId,
  field,
  onClose,
  onRevealed,
}: {
  residentId: number;
  field: Field | null;
  onClose: () => void;
  onRevealed: (field: Field, value: string | null) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const showError = useShowError();
  const submit = async () => {
    if (!field) return;
    const { reason } = await form.validateFields();
    setBusy(true);
    try {
      const result = await unwrap(
        api.POST('/api/residents/{id}/reveal', {
          params: { path: { id: residentId } },
          body: { field, reason },
        }),
      );
      onRevealed(field, result.value);
      form.resetFields();
      onClose();
    } catch (error) {
      showError(error, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={field !== null}
      title={field ? t('residents.reveal.title', { field: t(`residents.columns.${field}`) }) : ''}
      okText={t('residents.reveal.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'reveal-confirm' }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      data-testid="reveal-dialog"
    >
      <Alert type="warning" showIcon title={t('residents.reveal.warning')} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label={t('residents.reveal.reason')}
          rules={[{ required: true, min: 2, message: t('residents.reveal.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={200} data-testid="reveal-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
