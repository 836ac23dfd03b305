import { Alert, Button, Form, Input, Modal, Space, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api';
import { useShowError } from '../../app/hooks';
import { useCurrentSession } from '../../app/session';

/**
 * The reporter's name and masked phone; staff who dispatch may ask for the full number for a callback (回访),
 * giving a reason that the server writes to the audit trail (never the number itself).
 */
export function ReporterPhone({
  caseId,
  name,
  phoneMasked,
}: {
  caseId: number;
  name: string | null;
  phoneMasked: string | null;
}) {
  const { t } = useTranslation();
  const { can } = useCurrentSession();
  const showError = useShowError();
  const [form] = Form.useForm<{ reason: string }>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [phone, setPhone] = useState<string | null>(null);

  const submit = async () => {
    const { reason } = await form.validateFields();
    setBusy(true);
    try {
      const result = await unwrap(
        api.POST('/api/cases/{id}/reporter-phone', { params: { path: { id: caseId } }, body: { reason } }),
      );
      setPhone(result.phone);
      setOpen(false);
      form.resetFields();
    } catch (error) {
      showError(error, form);
    } finally {
      setBusy(false);
    }
  };

  const shown = phone ?? phoneMasked;
  return (
    <Space wrap size={4}>
      <span>{[name, shown].filter(Boolean).join(' · ') || '—'}</span>
      {phone && (
        <Typography.Link href={`tel:${phone}`} data-testid="case-reporter-call">
          {t('cases.call')}
        </Typography.Link>
      )}
      {!phone && phoneMasked && can('cases.dispatch') && (
        <Button size="small" type="link" onClick={() => setOpen(true)} data-testid="case-reporter-reveal">
          {t('residents.reveal.action')}
        </Button>
      )}
      <Modal
        open={open}
        title={t('residents.reveal.title', { field: t('cases.reporterPhone') })}
        okText={t('residents.reveal.confirm')}
        okButtonProps={{ loading: busy, 'data-testid': 'case-reporter-reveal-ok' } as ButtonProps}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Alert type="warning" showIcon message={t('residents.reveal.warning')} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('residents.reveal.reason')}
            rules={[
              { required: true, min: 2, whitespace: true, message: t('residents.reveal.reasonRequired') },
            ]}
          >
            <Input
              maxLength={200}
              placeholder={t('cases.callbackReason')}
              data-testid="case-reporter-reason"
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
