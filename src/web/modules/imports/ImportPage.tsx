import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Progress,
  Radio,
  Result,
  Space,
  Table,
  Typography,
  Upload,
  type TableColumnsType,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  api,
  downloadFile,
  postFile,
  unwrap,
  type ImportFinding,
  type ImportJob,
  type ImportMode,
} from '../../app/api';
import { useIsPhone, useShowError } from '../../app/hooks';

const PAGE_SIZE = 10;
const POLL_MS = 400;

/** Upload → validation (polled) → findings and mode → commit (polled) → summary. */
export function ImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const phone = useIsPhone();
  const [job, setJob] = useState<ImportJob | null>(null);
  const [page, setPage] = useState(1);
  const [chosenMode, setMode] = useState<ImportMode | null>(null);
  const [uploading, setUploading] = useState(false);
  const [committing, setCommitting] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const jobId = job?.id ?? null;

  const load = useCallback(async (id: number, findingsPage: number) => {
    const next = await unwrap(
      api.GET('/api/residents/imports/{id}', {
        params: { path: { id }, query: { page: findingsPage, pageSize: PAGE_SIZE } },
      }),
    );
    setJob((current) => (current && current.id !== id ? current : next));
    return next;
  }, []);

  // Poll while the server is working on the job.
  const busy = job?.status === 'validating' || job?.status === 'importing' || committing;
  useEffect(() => {
    if (!busy || jobId === null) return;
    const timer = setInterval(() => {
      load(jobId, page).catch(() => undefined);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [busy, jobId, load, page]);

  // Until the user picks, the mode the file allows: all or nothing for a clean file, else the valid rows.
  const mode: ImportMode = chosenMode ?? ((job?.findingCount ?? 0) > 0 ? 'valid_only' : 'all_or_nothing');

  const onTemplate = async () => {
    setDownloading(true);
    try {
      await downloadFile('/api/residents/import-template');
    } catch (error) {
      showError(error);
    } finally {
      setDownloading(false);
    }
  };

  const onUpload = async (file: File) => {
    setUploading(true);
    setPage(1);
    setMode(null);
    try {
      setJob(await postFile<ImportJob>('/api/residents/imports', file, file.name));
    } catch (error) {
      showError(error);
    } finally {
      setUploading(false);
    }
  };

  const onCommit = async () => {
    if (!job) return;
    setCommitting(true);
    setJob({ ...job, status: 'importing', phase: 'writing', processed: 0, total: job.validRows });
    try {
      const done = await unwrap(
        api.POST('/api/residents/imports/{id}/commit', { params: { path: { id: job.id } }, body: { mode } }),
      );
      setJob(done);
      void message.success(t('imports.doneTitle'));
    } catch (error) {
      showError(error);
      await load(job.id, page).catch(() => undefined);
    } finally {
      setCommitting(false);
    }
  };

  const onPage = (next: number) => {
    setPage(next);
    if (job) load(job.id, next).catch((error: unknown) => showError(error));
  };

  const columns: TableColumnsType<ImportFinding> = [
    { title: t('imports.row'), dataIndex: 'row', width: 64 },
    { title: t('imports.column'), dataIndex: 'column', width: phone ? 96 : 140 },
    { title: t('imports.reason'), dataIndex: 'message' },
    ...(phone ? [] : [{ title: t('imports.value'), dataIndex: 'value', width: 180 }]),
  ];

  const percent = job?.total ? Math.floor((job.processed / job.total) * 100) : 0;
  const progressText = !job
    ? ''
    : job.phase === 'reading'
      ? t('imports.reading', { count: job.processed })
      : job.phase === 'writing' || job.status === 'importing'
        ? t('imports.writing', { processed: job.processed, total: job.total ?? 0 })
        : t('imports.checking', { processed: job.processed, total: job.total ?? 0 });

  const reset = () => {
    setJob(null);
    setPage(1);
  };

  return (
    <div className="ly-page" data-testid="import-page">
      <Typography.Title level={4}>{t('imports.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('imports.intro')}</Typography.Paragraph>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Card title={t('imports.templateTitle')} size="small">
          <Typography.Paragraph type="secondary">{t('imports.templateHint')}</Typography.Paragraph>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void onTemplate()}
            loading={downloading}
            data-testid="import-template"
          >
            {t('imports.downloadTemplate')}
          </Button>
        </Card>

        {!job && (
          <Card title={t('imports.uploadTitle')} size="small">
            <Upload.Dragger
              accept=".xlsx,.csv"
              multiple={false}
              showUploadList={false}
              disabled={uploading}
              beforeUpload={(file) => {
                void onUpload(file);
                return false;
              }}
              data-testid="import-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">{t('imports.dragHint')}</p>
              <p className="ant-upload-hint">{t('imports.dragNote')}</p>
            </Upload.Dragger>
          </Card>
        )}

        {job && (
          <Card
            size="small"
            title={t('imports.fileName', { name: job.fileName })}
            extra={
              job.status === 'validating' || job.status === 'importing' ? null : (
                <Button onClick={reset} data-testid="import-another">
                  {t('imports.another')}
                </Button>
              )
            }
            data-testid="import-job"
            data-status={job.status}
          >
            {(job.status === 'validating' || job.status === 'importing') && (
              <div data-testid="import-progress">
                <Progress
                  percent={job.phase === 'reading' ? 0 : percent}
                  status="active"
                  showInfo={job.phase !== 'reading'}
                />
                <Typography.Text type="secondary">{progressText}</Typography.Text>
              </div>
            )}

            {job.status === 'failed' && (
              <Alert type="error" showIcon title={t('imports.failed')} description={job.error} />
            )}
            {job.status === 'expired' && <Alert type="warning" showIcon title={t('imports.expired')} />}

            {job.status === 'validated' && (
              <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                <Alert
                  type={job.findingCount > 0 ? 'warning' : 'success'}
                  showIcon
                  data-testid="import-summary"
                  title={t('imports.summary', {
                    total: job.totalRows,
                    valid: job.validRows,
                    invalid: job.invalidRows,
                    findings: job.findingCount,
                  })}
                  description={job.findingCount === 0 ? t('imports.noFindings') : undefined}
                />
                {job.findingCount > 0 && (
                  <>
                    <Typography.Text strong>{t('imports.findingsTitle')}</Typography.Text>
                    <Table<ImportFinding>
                      size="small"
                      rowKey={(f) => `${f.row}:${f.column}:${f.reason}`}
                      columns={columns}
                      dataSource={job.findings.items}
                      scroll={{ x: phone ? undefined : 600 }}
                      pagination={{
                        current: page,
                        pageSize: PAGE_SIZE,
                        total: job.findings.total,
                        showSizeChanger: false,
                        onChange: onPage,
                        size: 'small',
                      }}
                      data-testid="import-findings"
                    />
                  </>
                )}
                <Typography.Text strong>{t('imports.modeTitle')}</Typography.Text>
                <Radio.Group
                  value={mode}
                  onChange={(e) => setMode(e.target.value as ImportMode)}
                  data-testid="import-mode"
                >
                  <Space orientation="vertical">
                    <Radio value="all_or_nothing" disabled={job.findingCount > 0} data-testid="mode-all">
                      {t('imports.modeAll')}
                      <Typography.Text type="secondary"> — {t('imports.modeAllHint')}</Typography.Text>
                    </Radio>
                    <Radio value="valid_only" data-testid="mode-valid">
                      {t('imports.modeValid')}
                      <Typography.Text type="secondary">
                        {' '}
                        — {t('imports.modeValidHint', { count: job.validRows })}
                      </Typography.Text>
                    </Radio>
                  </Space>
                </Radio.Group>
                <Button
                  type="primary"
                  onClick={() => void onCommit()}
                  disabled={job.validRows === 0 || (mode === 'all_or_nothing' && job.findingCount > 0)}
                  loading={committing}
                  block={phone}
                  data-testid="import-commit"
                >
                  {t('imports.commit')}
                </Button>
              </Space>
            )}

            {job.status === 'done' && job.result && (
              <Result
                status="success"
                title={t('imports.doneTitle')}
                subTitle={
                  <span data-testid="import-result">
                    {t('imports.doneSummary', {
                      residents: job.result.residentsInserted,
                      households: job.result.householdsCreated,
                    })}
                    {job.result.skipped > 0 ? ` ${t('imports.skipped', { count: job.result.skipped })}` : ''}
                  </span>
                }
              />
            )}
          </Card>
        )}
      </Space>
    </div>
  );
}
