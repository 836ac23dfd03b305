import { useQuery } from '@tanstack/react-query';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../app/api';
import { useShowError } from '../../app/hooks';
import { useCurrentSession } from '../../app/session';
import type { CalendarYear } from './caseData';

type Day = CalendarYear['days'][number];

/** 工作日历: one year's holidays and make-up workdays (the working-time clock of every deadline). */
export function CalendarPage() {
  const { t } = useTranslation();
  const { can } = useCurrentSession();
  const editable = can('cases.configure');
  const { message } = App.useApp();
  const showError = useShowError();
  const [year, setYear] = useState(new Date().getFullYear());
  const query = useQuery({
    queryKey: ['work-calendar', year],
    queryFn: () => unwrap(api.GET('/api/work-calendar', { params: { query: { year } } })),
  });
  // local edits of the shown year; null: the server's list
  const [edited, setEdited] = useState<{ year: number; days: Day[] } | null>(null);
  const loaded =
    query.data && query.data.year === year
      ? [...query.data.days].sort((a, b) => a.day.localeCompare(b.day))
      : [];
  const dirty = edited !== null && edited.year === year;
  const days = dirty ? edited.days : loaded;
  const setDays = (fn: (old: Day[]) => Day[]) => setEdited({ year, days: fn(days) });
  const [saving, setSaving] = useState(false);
  // the shipped years: those with exceptions recorded, looked up around this one
  const years = [year - 2, year - 1, year, year + 1, year + 2];
  const known = useQuery({
    queryKey: ['work-calendar-known', years],
    queryFn: async () => {
      const answers = await Promise.all(
        years.map((y) => unwrap(api.GET('/api/work-calendar', { params: { query: { year: y } } }))),
      );
      return answers.filter((a) => a.known).map((a) => a.year);
    },
  });

  const change = (index: number, patch: Partial<Day>) => {
    setDays((old) => old.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  };
  const save = async () => {
    setSaving(true);
    try {
      await unwrap(api.PUT('/api/work-calendar', { params: { query: { year } }, body: { days } }));
      void message.success(t('calendar.saved'));
      setEdited(null);
      void query.refetch();
      void known.refetch();
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="ly-page ly-narrow-wide" data-testid="calendar-page">
      <Typography.Title level={3} className="ly-page-title">
        {t('calendar.title')}
      </Typography.Title>
      <div className="ly-toolbar">
        <InputNumber
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && setYear(v)}
          addonBefore={t('calendar.year')}
          data-testid="calendar-year"
        />
        <Space size={4} wrap>
          <Typography.Text type="secondary">{t('calendar.shipped')}</Typography.Text>
          {(known.data ?? []).map((y) => (
            <Tag
              key={y}
              color={y === year ? 'blue' : 'default'}
              onClick={() => setYear(y)}
              style={{ cursor: 'pointer' }}
            >
              {y}
            </Tag>
          ))}
        </Space>
        <div className="ly-toolbar-spacer" />
        {editable && (
          <>
            <Button
              icon={<PlusOutlined />}
              onClick={() => {
                setDays((old) => [...old, { day: `${year}-01-01`, kind: 'holiday', name: '' }]);
              }}
              data-testid="calendar-add"
            >
              {t('calendar.add')}
            </Button>
            <Button
              type="primary"
              disabled={!dirty}
              loading={saving}
              onClick={() => void save()}
              data-testid="calendar-save"
            >
              {t('common.save')}
            </Button>
          </>
        )}
      </div>
      {query.error && <Alert type="error" showIcon title={query.error.message} />}
      {query.data && !query.data.known && days.length === 0 && (
        <Alert type="info" showIcon title={t('calendar.unknown', { year })} className="ly-section" />
      )}
      <Table<Day & { index: number }>
        rowKey="index"
        size="small"
        loading={query.isFetching}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={days.map((d, index) => ({ ...d, index }))}
        data-testid="calendar-table"
        columns={[
          {
            title: t('calendar.day'),
            render: (_, d) =>
              editable ? (
                <DatePicker
                  value={dayjs(d.day)}
                  allowClear={false}
                  onChange={(v) => v && change(d.index, { day: v.format('YYYY-MM-DD') })}
                />
              ) : (
                d.day
              ),
          },
          {
            title: t('calendar.kind'),
            render: (_, d) =>
              editable ? (
                <Select
                  value={d.kind}
                  style={{ width: 130 }}
                  onChange={(kind) => change(d.index, { kind })}
                  options={[
                    { value: 'holiday', label: t('calendar.holiday') },
                    { value: 'workday', label: t('calendar.workday') },
                  ]}
                />
              ) : (
                <Tag color={d.kind === 'holiday' ? 'red' : 'blue'}>{t(`calendar.${d.kind}`)}</Tag>
              ),
          },
          {
            title: t('calendar.name'),
            render: (_, d) =>
              editable ? (
                <Input
                  value={d.name}
                  maxLength={50}
                  onChange={(e) => change(d.index, { name: e.target.value })}
                />
              ) : (
                d.name
              ),
          },
          ...(editable
            ? [
                {
                  title: t('common.actions'),
                  render: (_: unknown, d: Day & { index: number }) => (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                      onClick={() => {
                        setDays((old) => old.filter((_, i) => i !== d.index));
                      }}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
