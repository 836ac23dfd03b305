import { App, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap, type RegisterResidentBody, type ResidentTag } from '../../app/api';
import { FormDialog } from '../../app/FormDialog';
import { useShowError } from '../../app/hooks';
import { useCurrentSession } from '../../app/session';
import { PlaceSelect } from '../places/PlaceSelect';
import { RESIDENT_TAGS, SENSITIVE_TAGS } from './tags';

/** Register one resident: where (building, unit, room), who, and the numbers (validated on the server). */
export function RegisterDialog({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const { can } = useCurrentSession();
  const [form] = Form.useForm<RegisterResidentBody>();
  const [saving, setSaving] = useState(false);
  const tags = RESIDENT_TAGS.filter((tag) => can('residents.sensitive') || !SENSITIVE_TAGS.has(tag));

  const save = async (values: RegisterResidentBody) => {
    setSaving(true);
    try {
      await unwrap(api.POST('/api/residents', { body: values }));
      void message.success(t('residents.register.saved', { name: values.name }));
      onSaved();
      onClose();
    } catch (error) {
      showError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDialog
      title={t('residents.register.title')}
      okText={t('common.save')}
      form={form}
      saving={saving}
      onClose={onClose}
      testId="register-dialog"
    >
      <Form<RegisterResidentBody>
        form={form}
        layout="vertical"
        initialValues={{ relation: 'head', residenceType: 'registered', housing: 'owned' }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="placeCode" label={t('residents.columns.place')} rules={[{ required: true }]}>
          <PlaceSelect
            kinds={['building', 'compound', 'community', 'village']}
            data-testid="register-place"
          />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="unit" label={t('residents.register.unit')} style={{ flex: 1 }}>
            <Input maxLength={20} placeholder="1单元" />
          </Form.Item>
          <Form.Item name="room" label={t('residents.register.room')} style={{ flex: 1 }}>
            <Input maxLength={20} placeholder="502" />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="name" label={t('residents.columns.name')} rules={[{ required: true, max: 50 }]}>
          <Input data-testid="register-name" />
        </Form.Item>
        <Form.Item name="idNumber" label={t('residents.columns.idNumber')}>
          <Input maxLength={18} autoComplete="off" data-testid="register-id" />
        </Form.Item>
        <Form.Item name="phone" label={t('residents.columns.phone')}>
          <Input maxLength={20} autoComplete="off" inputMode="tel" />
        </Form.Item>
        <Form.Item name="relation" label={t('residents.columns.relation')} rules={[{ required: true }]}>
          <Select
            options={(['head', 'member', 'tenant'] as const).map((v) => ({
              value: v,
              label: t(`residents.relation.${v}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="residenceType"
          label={t('residents.columns.residenceType')}
          rules={[{ required: true }]}
        >
          <Select
            options={(['registered', 'migrant', 'foreign'] as const).map((v) => ({
              value: v,
              label: t(`residents.residenceType.${v}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="housing" label={t('residents.columns.housing')}>
          <Select
            options={(['owned', 'rented', 'public', 'other'] as const).map((v) => ({
              value: v,
              label: t(`residents.housing.${v}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="tags" label={t('residents.columns.tags')}>
          <Select<ResidentTag[]>
            mode="multiple"
            options={tags.map((v) => ({ value: v, label: t(`residents.tags.${v}`) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('residents.columns.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
