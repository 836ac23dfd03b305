import { useQuery } from '@tanstack/react-query';
import { App, Checkbox, DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GRID_DUTIES,
  GRID_STAFF_AGENCIES,
  GRID_STAFF_ROLES,
  type GridDuty,
  type GridStaffAgency,
  type GridStaffRole,
} from '../../../shared/grid-staff';
import { FormDialog } from '../../app/FormDialog';
import { useDebounced, useShowError } from '../../app/hooks';
import { assignStaff, searchStaff } from './staffData';

interface AssignForm {
  mode: 'new' | 'existing';
  staffId?: number;
  name?: string;
  phone?: string;
  username?: string;
  role: GridStaffRole;
  agency: GridStaffAgency;
  duties: GridDuty[];
  startedOn?: Dayjs;
}

/** Assign a new person (name, phone, optional account) or an existing one to a grid. */
export function AssignStaffDialog({
  gridCode,
  gridName,
  onClose,
  onSaved,
}: {
  gridCode: string;
  gridName: string;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<AssignForm>();
  const [saving, setSaving] = useState(false);
  const mode = Form.useWatch('mode', form) ?? 'new';
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const found = useQuery({
    queryKey: ['staff-search', q],
    queryFn: () => searchStaff(q),
    enabled: mode === 'existing' && q !== '',
  });
  const people = new Map<number, string>();
  for (const item of found.data?.items ?? []) {
    if (!people.has(item.staffId)) {
      people.set(item.staffId, `${item.name} · ${item.phoneMasked ?? ''} · ${item.grid.name}`);
    }
  }

  const submit = async (values: AssignForm) => {
    setSaving(true);
    try {
      const common = {
        role: values.role,
        agency: values.agency,
        duties: values.duties,
        ...(values.startedOn ? { startedOn: values.startedOn.format('YYYY-MM-DD') } : {}),
      };
      const person =
        values.mode === 'existing'
          ? { staffId: values.staffId }
          : {
              name: values.name?.trim(),
              ...(values.phone?.trim() ? { phone: values.phone.trim() } : {}),
              ...(values.username?.trim() ? { username: values.username.trim() } : {}),
            };
      const saved = await assignStaff(gridCode, { ...common, ...person });
      void message.success(t('staff.assigned', { name: saved.name }));
      onSaved();
      onClose();
    } catch (error) {
      showError(error, form);
    } finally {
      setSaving(false);
    }
  };

  const required = [{ required: true, message: t('staff.required') }];
  return (
    <FormDialog
      title={t('staff.assignTitle', { grid: gridName })}
      okText={t('staff.assign')}
      form={form}
      saving={saving}
      onClose={onClose}
      testId="staff-assign-dialog"
    >
      <Form<AssignForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ mode: 'new', role: 'worker', agency: 'community', duties: [...GRID_DUTIES] }}
        onValuesChange={(changed: Partial<AssignForm>) => {
          if (changed.role) form.setFieldValue('duties', changed.role === 'worker' ? [...GRID_DUTIES] : []);
        }}
      >
        <Form.Item name="mode" label={t('staff.person')}>
          <Radio.Group
            options={[
              { value: 'new', label: t('staff.newPerson') },
              { value: 'existing', label: t('staff.existingPerson') },
            ]}
            optionType="button"
          />
        </Form.Item>
        {mode === 'existing' ? (
          <Form.Item name="staffId" label={t('staff.name')} rules={required}>
            <Select
              showSearch={{ filterOption: false, onSearch: setSearch }}
              placeholder={t('staff.searchPerson')}
              loading={found.isFetching}
              options={[...people].map(([value, label]) => ({ value, label }))}
              data-testid="staff-existing"
            />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="name" label={t('staff.name')} rules={required}>
              <Input maxLength={50} data-testid="staff-name" />
            </Form.Item>
            <Form.Item name="phone" label={t('staff.phone')}>
              <Input maxLength={30} inputMode="tel" data-testid="staff-phone" />
            </Form.Item>
            <Form.Item name="username" label={t('staff.username')} extra={t('staff.usernameHint')}>
              <Input maxLength={40} autoComplete="off" data-testid="staff-username" />
            </Form.Item>
          </>
        )}
        <Form.Item name="role" label={t('staff.role')} rules={required}>
          <Select
            options={GRID_STAFF_ROLES.map((r) => ({ value: r, label: t(`staff.roles.${r}`) }))}
            data-testid="staff-role"
          />
        </Form.Item>
        <Form.Item name="agency" label={t('staff.agency')}>
          <Select options={GRID_STAFF_AGENCIES.map((a) => ({ value: a, label: t(`staff.agencies.${a}`) }))} />
        </Form.Item>
        <Form.Item name="duties" label={t('staff.duties')}>
          <Checkbox.Group
            options={GRID_DUTIES.map((d) => ({ value: d, label: t(`staff.dutyNames.${d}`) }))}
          />
        </Form.Item>
        <Form.Item name="startedOn" label={t('staff.startedOn')}>
          <DatePicker disabledDate={(d) => d.isAfter(new Date())} />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}
