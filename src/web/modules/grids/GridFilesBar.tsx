import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Space, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toApiError } from '../../app/api';
import { AdjustPreview } from './AdjustPreview';
import { download, postImport, type ImportOutcome } from './adjustData';

/** Download the grids (GeoJSON, Shapefile) and upload a GeoJSON file: checked first, then applied with a reason. */
export function GridFilesBar({ canWrite, onImported }: { canWrite: boolean; onImported: () => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<{ name: string; data: unknown } | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async (name: string, text: string) => {
    setError(null);
    setOutcome(null);
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      setFile({ name, data: null });
      setError(t('grids.files.notJson'));
      return;
    }
    setFile({ name, data });
    setBusy(true);
    try {
      setOutcome(await postImport(data, true));
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      await postImport(file.data, false, reason.trim());
      setFile(null);
      setOutcome(null);
      setReason('');
      onImported();
    } catch (e) {
      setError(toApiError(e).message);
    } finally {
      setBusy(false);
    }
  };

  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <Space size={4} wrap data-testid="grid-files">
      <Button
        size="small"
        icon={<DownloadOutlined />}
        onClick={() => download('/api/grids/export?format=geojson', `grids-${stamp}.geojson`)}
        data-testid="export-geojson"
      >
        GeoJSON
      </Button>
      <Button
        size="small"
        icon={<DownloadOutlined />}
        onClick={() => download('/api/grids/export?format=shapefile', `grids-${stamp}.zip`)}
        data-testid="export-shapefile"
      >
        Shapefile
      </Button>
      {canWrite && (
        <Upload
          accept=".geojson,.json,application/geo+json,application/json"
          showUploadList={false}
          beforeUpload={(f) => {
            void f.text().then((text) => check(f.name, text));
            return false;
          }}
        >
          <Button size="small" icon={<UploadOutlined />} data-testid="import-geojson">
            {t('grids.files.import')}
          </Button>
        </Upload>
      )}
      <Modal
        open={file !== null}
        title={t('grids.files.importTitle', { name: file?.name ?? '' })}
        onCancel={() => {
          setFile(null);
          setOutcome(null);
        }}
        okText={t('grids.adjust.confirm')}
        okButtonProps={{
          disabled: !outcome?.ok || !reason.trim() || outcome.updated.length + outcome.created.length === 0,
          loading: busy,
        }}
        onOk={() => void apply()}
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          {busy && !outcome && <Alert type="info" title={t('grids.files.checking')} />}
          {error && <Alert type="error" showIcon title={error} />}
          {outcome && (
            <>
              <Alert
                type="info"
                title={t('grids.files.summary', {
                  features: outcome.features,
                  unchanged: outcome.unchanged,
                  updated: outcome.updated.length,
                  created: outcome.created.length,
                })}
              />
              <AdjustPreview outcome={outcome} />
              {outcome.ok && (
                <Input.TextArea
                  rows={2}
                  maxLength={500}
                  placeholder={t('grids.adjust.reason')}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
              )}
            </>
          )}
        </Space>
      </Modal>
    </Space>
  );
}
