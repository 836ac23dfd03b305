import { App, Button, Form, Input, InputNumber, Modal, Rate, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, toApiError, unwrap } from '../../app/api';
import { useIsPhone, useShowError } from '../../app/hooks';
import {
  CLOSURE_REASONS,
  HANDLER_KINDS,
  RATING_REASONS,
  type CaseAction,
} from '../../../shared/case-workflow';
import { actionLabel, NOTE_REQUIRED, uploadPhoto, type CaseDetail } from './caseData';
import { useDepartments } from './useCaseRefs';

interface ActionValues {
  note?: string;
  handlerKind?: (typeof HANDLER_KINDS)[number];
  department?: string;
  departments?: string[];
  lead?: string;
  closureReason?: (typeof CLOSURE_REASONS)[number];
  rating?: number;
  ratingReasons?: (typeof RATING_REASONS)[number][];
  extensionLimit?: number;
  extensionUnit?: 'hours' | 'days';
  mergeInto?: string;
  public?: boolean;
}

/** Steps where the handler adds photos (after a fix: 'after'; otherwise progress: 'update'). */
const PHOTO_STAGE: Partial<Record<CaseAction, 'after' | 'update'>> = {
  handle: 'after',
  start: 'update',
  comment: 'update',
};

/**
 * The small form of one workflow step: a note, and what the step needs (the handler for a dispatch, the
 * departments for a whistle, the closure reason, the rating, the extension …). A 409 (someone acted first, or
 * the state moved on) shows the server's message and reloads the case.
 */
export function ActionDialog({
  detail,
  action,
  mergeInto,
  onClose,
  onDone,
}: {
  detail: CaseDetail;
  action: CaseAction;
  mergeInto?: string;
  onClose: () => void;
  onDone: (updated: CaseDetail | null) => void;
}) {
  const { t, i18n } = useTranslation();
  const phone = useIsPhone();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const showError = useShowError();
  const departments = useDepartments(action === 'dispatch' || action === 'whistle');
  const [saving, setSaving] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const handlerKind = Form.useWatch('handlerKind', form);
  const chosen = Form.useWatch('departments', form) ?? [];
  const photoStage = PHOTO_STAGE[action];
  const deptOptions = departments.map((d) => ({
    value: d.code,
    label: i18n.language === 'en' && d.nameEn ? d.nameEn : d.name,
  }));

  const submit = async (v: ActionValues) => {
    setSaving(true);
    try {
      const photoIds: number[] = [];
      for (const file of files)
        photoIds.push((await uploadPhoto(detail.id, file, photoStage ?? 'update')).id);
      const updated = await unwrap(
        api.POST('/api/cases/{id}/transitions', {
          params: { path: { id: detail.id } },
          body: {
            action,
            version: detail.version,
            ...(v.note?.trim() ? { note: v.note.trim() } : {}),
            ...(action === 'dispatch' && v.handlerKind
              ? {
                  handler: {
                    kind: v.handlerKind,
                    ...(v.handlerKind === 'department' && v.department
                      ? { departmentCode: v.department }
                      : {}),
                  },
                }
              : {}),
            ...(action === 'whistle'
              ? { departments: v.departments ?? [], ...(v.lead ? { lead: v.lead } : {}) }
              : {}),
            ...(v.closureReason ? { closureReason: v.closureReason } : {}),
            ...(v.rating ? { rating: v.rating, ratingReasons: v.ratingReasons ?? [] } : {}),
            ...(action === 'request_extension' || (action === 'grant_extension' && v.extensionLimit)
              ? { extension: { limit: v.extensionLimit ?? 1, unit: v.extensionUnit ?? 'days' } }
              : {}),
            ...(action === 'merge' ? { mergeInto: v.mergeInto ?? mergeInto ?? '' } : {}),
            ...(action === 'comment' && v.public ? { public: true } : {}),
            ...(photoIds.length ? { photoIds } : {}),
          },
        }),
      );
      void message.success(t('cases.actionDone', { action: actionLabel(action, i18n.language) }));
      onDone(updated);
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.status === 409) {
        void message.error({ content: apiError.message, key: 'case-conflict' });
        onDone(null);
      } else showError(apiError, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={`${actionLabel(action, i18n.language)} · ${detail.code}`}
      width={phone ? '100%' : 560}
      style={phone ? { top: 0, maxWidth: '100vw', padding: 0 } : undefined}
      onCancel={onClose}
      mask={{ closable: false }}
      data-testid="case-action-dialog"
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          loading={saving}
          onClick={() => form.submit()}
          data-testid="case-action-submit"
        >
          {actionLabel(action, i18n.language)}
        </Button>,
      ]}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void submit(v)}
        initialValues={{
          handlerKind: action === 'dispatch' ? 'grid_worker' : undefined,
          closureReason: action === 'close' ? 'fixed' : undefined,
          extensionLimit: 1,
          extensionUnit: 'days',
          mergeInto,
        }}
      >
        {action === 'dispatch' && (
          <>
            <Form.Item name="handlerKind" label={t('cases.form.handlerKind')} rules={[{ required: true }]}>
              <Select
                data-testid="case-handler-kind"
                options={HANDLER_KINDS.map((k) => ({ value: k, label: t(`cases.handlerKind.${k}`) }))}
              />
            </Form.Item>
            {handlerKind === 'department' && (
              <Form.Item name="department" label={t('cases.form.department')} rules={[{ required: true }]}>
                <Select options={deptOptions} data-testid="case-department" />
              </Form.Item>
            )}
          </>
        )}
        {action === 'whistle' && (
          <>
            <Form.Item name="departments" label={t('cases.form.departments')} rules={[{ required: true }]}>
              <Select mode="multiple" options={deptOptions} data-testid="case-departments" />
            </Form.Item>
            <Form.Item name="lead" label={t('cases.form.lead')}>
              <Select allowClear options={deptOptions.filter((o) => chosen.includes(o.value))} />
            </Form.Item>
          </>
        )}
        {action === 'close' && (
          <Form.Item name="closureReason" label={t('cases.form.closureReason')} rules={[{ required: true }]}>
            <Select
              data-testid="case-closure-reason"
              options={CLOSURE_REASONS.map((r) => ({ value: r, label: t(`cases.closure.${r}`) }))}
            />
          </Form.Item>
        )}
        {action === 'rate' && (
          <>
            <Form.Item name="rating" label={t('cases.form.rating')} rules={[{ required: true }]}>
              <Rate data-testid="case-rating" />
            </Form.Item>
            <Form.Item name="ratingReasons" label={t('cases.form.ratingReasons')}>
              <Select
                mode="multiple"
                options={RATING_REASONS.map((r) => ({ value: r, label: t(`cases.ratingReason.${r}`) }))}
              />
            </Form.Item>
          </>
        )}
        {(action === 'request_extension' || action === 'grant_extension') && (
          <Space>
            <Form.Item name="extensionLimit" label={t('cases.form.extension')} rules={[{ required: true }]}>
              <InputNumber min={0.5} max={365} step={0.5} data-testid="case-extension" />
            </Form.Item>
            <Form.Item name="extensionUnit" label=" ">
              <Select
                style={{ width: 100 }}
                options={[
                  { value: 'hours', label: t('cases.units.hours') },
                  { value: 'days', label: t('cases.units.days') },
                ]}
              />
            </Form.Item>
          </Space>
        )}
        {action === 'merge' && (
          <Form.Item name="mergeInto" label={t('cases.form.mergeInto')} rules={[{ required: true }]}>
            <Input className="ly-mono" data-testid="case-merge-into" />
          </Form.Item>
        )}
        {action === 'comment' && (
          <Form.Item name="public" label={t('cases.form.public')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={t('cases.form.note')}
          rules={[
            { required: NOTE_REQUIRED.has(action), whitespace: true, message: t('cases.form.noteRequired') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="case-action-note" />
        </Form.Item>
        {photoStage && (
          <Form.Item label={t(`cases.photoStage.${photoStage}`)}>
            <input
              type="file"
              accept="image/*"
              capture="environment"
              multiple
              onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
              data-testid="case-action-photo"
            />
            {files.length > 0 && (
              <Typography.Text type="secondary">
                {' '}
                {t('cases.photos.chosen', { count: files.length })}
              </Typography.Text>
            )}
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
