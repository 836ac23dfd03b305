import { Alert, Button, Cascader, Form, Input, List, Modal, Result, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../app/api';
import { useIsPhone, useShowError } from '../../app/hooks';
import { statusLabel, type CaseCreated } from './caseData';
import { PointPicker, type Point } from './PointPicker';
import { useCategories } from './useCaseRefs';

interface FormValues {
  category: string[];
  description: string;
  address?: string;
  urgent?: boolean;
}

/** 上报案件: category, description, a point on the map; shows the likely duplicates after filing. */
export function ReportCaseDialog({ onClose, onFiled }: { onClose: () => void; onFiled: () => void }) {
  const { t, i18n } = useTranslation();
  const phone = useIsPhone();
  const [form] = Form.useForm<FormValues>();
  const categories = useCategories(i18n.language);
  const [point, setPoint] = useState<Point | null>(null);
  const [pointError, setPointError] = useState(false);
  const [saving, setSaving] = useState(false);
  const [filed, setFiled] = useState<CaseCreated | null>(null);
  const showError = useShowError();

  const submit = async (values: FormValues) => {
    if (!point) {
      setPointError(true);
      return;
    }
    setSaving(true);
    try {
      const created = await unwrap(
        api.POST('/api/cases', {
          body: {
            categoryCode: values.category.at(-1)!,
            description: values.description,
            lng: point.lng,
            lat: point.lat,
            ...(values.address?.trim() ? { address: values.address.trim() } : {}),
            ...(values.urgent ? { urgent: true } : {}),
          },
        }),
      );
      setFiled(created);
      onFiled();
    } catch (error) {
      showError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('cases.report.title')}
      width={phone ? '100%' : 640}
      style={phone ? { top: 0, maxWidth: '100vw', padding: 0 } : undefined}
      onCancel={onClose}
      mask={{ closable: false }}
      data-testid="case-report-dialog"
      footer={
        filed ? (
          <Button type="primary" onClick={onClose} data-testid="case-report-done">
            {t('common.close')}
          </Button>
        ) : (
          [
            <Button key="cancel" onClick={onClose}>
              {t('common.cancel')}
            </Button>,
            <Button
              key="ok"
              type="primary"
              loading={saving}
              onClick={() => form.submit()}
              data-testid="case-report-submit"
            >
              {t('cases.report.submit')}
            </Button>,
          ]
        )
      }
    >
      {filed ? (
        <Result
          status="success"
          title={t('cases.report.filed', { code: filed.case.code })}
          subTitle={
            <Link to={`/cases/${filed.case.id}`} data-testid="case-report-open">
              {t('cases.report.open')}
            </Link>
          }
        >
          {filed.duplicates.length > 0 && (
            <>
              <Alert type="warning" showIcon title={t('cases.duplicates.found')} />
              <List
                size="small"
                data-testid="case-report-duplicates"
                dataSource={filed.duplicates}
                renderItem={(d) => (
                  <List.Item>
                    <Link to={`/cases/${d.id}`}>{d.code}</Link> · {statusLabel(d.status, i18n.language)} ·{' '}
                    {t('cases.duplicates.distance', { m: d.distanceM })} · {d.description}
                  </List.Item>
                )}
              />
            </>
          )}
        </Result>
      ) : (
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark="optional">
          <Form.Item
            name="category"
            label={t('cases.columns.category')}
            rules={[{ required: true, message: t('cases.form.categoryRequired') }]}
          >
            <Cascader
              options={categories.tree}
              showSearch
              placeholder={t('cases.form.categoryPlaceholder')}
              data-testid="case-category"
            />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('cases.columns.description')}
            rules={[{ required: true, whitespace: true, message: t('cases.form.descriptionRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={2000} showCount data-testid="case-description" />
          </Form.Item>
          <Form.Item
            label={t('cases.form.point')}
            required
            validateStatus={pointError && !point ? 'error' : undefined}
            help={pointError && !point ? t('cases.form.pointRequired') : undefined}
          >
            <PointPicker value={point} onChange={setPoint} showGrids />
          </Form.Item>
          <Form.Item name="address" label={t('cases.columns.address')}>
            <Input maxLength={200} data-testid="case-address" />
          </Form.Item>
          <Form.Item name="urgent" label={t('cases.form.urgent')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
