import { App, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { FormDialog } from '../../app/FormDialog';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHILD_KINDS, MANAGEMENT_TYPES, PLACE_KINDS } from '../../../shared/place-kinds';
import {
  api,
  unwrap,
  type CreatePlaceBody,
  type PlaceDetail,
  type PlaceKind,
  type UpdatePlaceBody,
} from '../../app/api';
import { useShowError, useVersionedSave } from '../../app/hooks';
import { PlaceSelect } from './PlaceSelect';

export type ManagementType = (typeof MANAGEMENT_TYPES)[number];

/** What changed, so the page can refresh the node, its parent and the tree. */
export type PlaceChange =
  | { type: 'updated'; place: PlaceDetail; previousCode: string }
  | { type: 'reloaded'; place: PlaceDetail }
  | { type: 'created'; place: PlaceDetail }
  | { type: 'moved'; place: PlaceDetail; fromParent: string | null }
  | { type: 'deleted'; code: string; name: string; parentCode: string | null };

interface PlaceFormValues {
  kind?: PlaceKind;
  name: string;
  code?: string;
  address?: string;
  lng?: number | null;
  lat?: number | null;
  managementType?: ManagementType | null;
}

function valuesOf(place: PlaceDetail): PlaceFormValues {
  return {
    name: place.name,
    code: place.code,
    address: place.address ?? '',
    lng: place.lng,
    lat: place.lat,
    managementType: place.managementType,
  };
}

async function fetchPlace(code: string): Promise<PlaceDetail> {
  return unwrap(api.GET('/api/places/{code}', { params: { path: { code } } }));
}

function codePattern(parentCode: string): RegExp {
  return new RegExp(`^${parentCode}[0-9]{3}$`);
}

/** Name, code, address, coordinates and (for compounds) management type, with client-side checks. */
function PlaceFields({
  parentCode,
  codeEditable,
  codeLocked = false,
  codeRequired,
  compound,
}: {
  parentCode: string | null;
  codeEditable: boolean;
  /** The node has children whose codes start with its code: the server refuses a new code. */
  codeLocked?: boolean;
  codeRequired: boolean;
  compound: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="name"
        label={t('places.fields.name')}
        rules={[
          { required: true, whitespace: true, message: t('places.validation.nameRequired') },
          { max: 100 },
        ]}
      >
        <Input maxLength={100} data-testid="place-field-name" />
      </Form.Item>
      <Form.Item
        name="code"
        label={t('places.fields.code')}
        extra={
          codeLocked
            ? t('places.codeLocked')
            : parentCode
              ? t('places.codeHint', { parent: parentCode })
              : undefined
        }
        rules={[
          ...(codeRequired
            ? [{ required: true, message: t('places.validation.codeFormat', { parent: parentCode }) }]
            : []),
          ...(parentCode
            ? [
                {
                  pattern: codePattern(parentCode),
                  message: t('places.validation.codeFormat', { parent: parentCode }),
                },
              ]
            : []),
        ]}
      >
        <Input
          disabled={!codeEditable || codeLocked}
          inputMode="numeric"
          maxLength={24}
          placeholder={codeRequired ? undefined : t('places.codeAuto')}
          data-testid="place-field-code"
        />
      </Form.Item>
      <Form.Item name="address" label={t('places.fields.address')} rules={[{ max: 200 }]}>
        <Input maxLength={200} data-testid="place-field-address" />
      </Form.Item>
      <div className="ly-form-pair">
        <Form.Item
          name="lng"
          label={t('places.fields.lng')}
          rules={[{ type: 'number', min: -180, max: 180, message: t('places.validation.lngRange') }]}
        >
          <InputNumber className="ly-full-width" step={0.000001} data-testid="place-field-lng" />
        </Form.Item>
        <Form.Item
          name="lat"
          label={t('places.fields.lat')}
          rules={[{ type: 'number', min: -90, max: 90, message: t('places.validation.latRange') }]}
        >
          <InputNumber className="ly-full-width" step={0.000001} data-testid="place-field-lat" />
        </Form.Item>
      </div>
      {compound && <ManagementTypeField />}
    </>
  );
}

function ManagementTypeField() {
  const { t } = useTranslation();
  return (
    <Form.Item name="managementType" label={t('places.fields.managementType')}>
      <Select
        allowClear
        data-testid="place-field-management"
        options={MANAGEMENT_TYPES.map((m) => ({ value: m, label: t(`managementTypes.${m}`) }))}
      />
    </Form.Item>
  );
}

interface DialogProps {
  place: PlaceDetail;
  onClose: () => void;
  onChanged: (change: PlaceChange) => void;
}

/** Edit a node; only changed fields are sent, with the version read (a stale one answers 409). */
export function EditPlaceDialog({ place, onClose, onChanged }: DialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PlaceFormValues>();
  const [base, setBase] = useState(place);
  const { saving, conflict, save } = useVersionedSave({
    form,
    refetch: async () => {
      const fresh = await fetchPlace(base.code);
      form.setFieldsValue(valuesOf(fresh));
      onChanged({ type: 'reloaded', place: fresh });
      setBase(fresh);
    },
  });

  const submit = async (values: PlaceFormValues) => {
    const body: UpdatePlaceBody = { version: base.version };
    const name = values.name.trim();
    if (name !== base.name) body.name = name;
    const code = values.code?.trim();
    if (code && code !== base.code) body.code = code;
    const address = values.address?.trim() || null;
    if (address !== base.address) body.address = address;
    const lng = values.lng ?? null;
    if (lng !== base.lng) body.lng = lng;
    const lat = values.lat ?? null;
    if (lat !== base.lat) body.lat = lat;
    if (base.kind === 'compound') {
      const managementType = values.managementType ?? null;
      if (managementType !== base.managementType) body.managementType = managementType;
    }
    if (Object.keys(body).length === 1) {
      onClose();
      return;
    }
    await save(async () => {
      const saved = await unwrap(
        api.PATCH('/api/places/{code}', { params: { path: { code: base.code } }, body }),
      );
      void message.success(t('places.saved'));
      onChanged({ type: 'updated', place: saved, previousCode: base.code });
      onClose();
    });
  };

  return (
    <FormDialog
      title={t('places.editTitle', { name: base.name })}
      okText={t('common.save')}
      form={form}
      saving={saving}
      onClose={onClose}
      conflict={conflict}
      testId="place-edit-dialog"
    >
      <Form<PlaceFormValues>
        form={form}
        layout="vertical"
        initialValues={valuesOf(place)}
        onFinish={(values) => void submit(values)}
        data-testid="place-edit-form"
      >
        <PlaceFields
          parentCode={base.kind === 'district' ? null : base.parentCode}
          codeEditable={base.kind !== 'district'}
          codeLocked={base.childCount > 0}
          codeRequired
          compound={base.kind === 'compound'}
        />
      </Form>
    </FormDialog>
  );
}

/** Add a child; the kind choices are those allowed under the parent's kind. */
export function CreatePlaceDialog({ place: parent, onClose, onChanged }: DialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<PlaceFormValues>();
  const [saving, setSaving] = useState(false);
  const kinds = CHILD_KINDS[parent.kind];
  const kind = Form.useWatch('kind', form) ?? kinds[0];

  const submit = async (values: PlaceFormValues) => {
    const chosen = values.kind ?? kinds[0];
    if (!chosen) return;
    const body: CreatePlaceBody = { parentCode: parent.code, kind: chosen, name: values.name.trim() };
    const code = values.code?.trim();
    if (code) body.code = code;
    const address = values.address?.trim();
    if (address) body.address = address;
    if (values.lng !== undefined && values.lng !== null) body.lng = values.lng;
    if (values.lat !== undefined && values.lat !== null) body.lat = values.lat;
    if (chosen === 'compound' && values.managementType) body.managementType = values.managementType;
    setSaving(true);
    try {
      const created = await unwrap(api.POST('/api/places', { body }));
      void message.success(t('places.created', { name: created.name }));
      onChanged({ type: 'created', place: created });
      onClose();
    } catch (error) {
      showError(error, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <FormDialog
      title={t('places.addChildTitle', { name: parent.name })}
      okText={t('common.create')}
      form={form}
      saving={saving}
      onClose={onClose}
      testId="place-create-dialog"
    >
      <Form<PlaceFormValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: kinds[0] }}
        onFinish={(values) => void submit(values)}
        data-testid="place-create-form"
      >
        <Form.Item
          name="kind"
          label={t('places.fields.kind')}
          rules={[{ required: true, message: t('places.validation.kindRequired') }]}
        >
          <Select
            data-testid="place-field-kind"
            options={kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          />
        </Form.Item>
        <PlaceFields
          parentCode={parent.code}
          codeEditable
          codeRequired={false}
          compound={kind === 'compound'}
        />
      </Form>
    </FormDialog>
  );
}

/** Move a node (and its subtree) under another parent of a kind that may hold it. */
export function MovePlaceDialog({ place, onClose, onChanged }: DialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newParentCode?: string }>();
  const [version, setVersion] = useState(place.version);
  const { saving, conflict, save } = useVersionedSave({
    form,
    refetch: async () => {
      const fresh = await fetchPlace(place.code);
      setVersion(fresh.version);
      onChanged({ type: 'reloaded', place: fresh });
    },
  });
  const parentKinds = PLACE_KINDS.filter((k) => CHILD_KINDS[k].includes(place.kind));
  const kindNames = parentKinds.map((k) => t(`kinds.${k}`)).join(' / ');

  const submit = async (newParentCode: string) => {
    await save(async () => {
      const moved = await unwrap(
        api.POST('/api/places/{code}/move', {
          params: { path: { code: place.code } },
          body: { version, newParentCode },
        }),
      );
      const parentName = moved.ancestors[moved.ancestors.length - 1]?.name ?? newParentCode;
      void message.success(t('places.moved', { name: parentName }));
      onChanged({ type: 'moved', place: moved, fromParent: place.parentCode });
      onClose();
    });
  };

  return (
    <FormDialog
      title={t('places.moveTitle', { name: place.name })}
      okText={t('places.actions.move')}
      form={form}
      saving={saving}
      onClose={onClose}
      conflict={conflict}
      testId="place-move-dialog"
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => values.newParentCode && void submit(values.newParentCode)}
      >
        <Form.Item
          name="newParentCode"
          label={t('places.newParent')}
          extra={t('places.newParentHint', { kinds: kindNames })}
          rules={[{ required: true, message: t('places.validation.parentRequired') }]}
        >
          <PlaceSelect
            kinds={parentKinds}
            exclude={(p) => p.code === place.parentCode || p.code.startsWith(place.code)}
            data-testid="place-move-target"
          />
        </Form.Item>
      </Form>
    </FormDialog>
  );
}

/** Confirm and delete a node that has no children and no bound accounts. */
export function DeletePlaceDialog({ place, onClose, onChanged }: DialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [version, setVersion] = useState(place.version);
  const { saving: deleting, save } = useVersionedSave({
    refetch: async () => {
      const fresh = await fetchPlace(place.code);
      setVersion(fresh.version);
      onChanged({ type: 'reloaded', place: fresh });
    },
  });

  const remove = () =>
    save(async () => {
      await unwrap(
        api.DELETE('/api/places/{code}', { params: { path: { code: place.code }, query: { version } } }),
      );
      void message.success(t('places.deleted', { name: place.name }));
      onChanged({ type: 'deleted', code: place.code, name: place.name, parentCode: place.parentCode });
      onClose();
    });

  return (
    <Modal
      open
      title={t('places.deleteTitle', { name: place.name })}
      okText={t('common.delete')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true }}
      onOk={() => void remove()}
      onCancel={onClose}
      confirmLoading={deleting}
      data-testid="place-delete-dialog"
    >
      <Typography.Paragraph>{t('places.deleteConfirm')}</Typography.Paragraph>
    </Modal>
  );
}
