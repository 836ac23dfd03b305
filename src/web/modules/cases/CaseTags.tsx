import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../app/i18n';
import { DEADLINE_COLORS, STATUS_COLORS, statusLabel, type DeadlineState } from './caseData';
import type { CaseStatus } from '../../../shared/case-workflow';

export function StatusTag({ status }: { status: string }) {
  const { i18n } = useTranslation();
  return (
    <Tag
      color={STATUS_COLORS[status as CaseStatus] ?? 'default'}
      data-testid="case-status"
      data-status={status}
    >
      {statusLabel(status, i18n.language)}
    </Tag>
  );
}

/** A deadline coloured by how much of its time is used: green, yellow (less than a fifth left), red (over). */
export function DeadlineTag({ deadline }: { deadline: { dueAt: string; state: DeadlineState } | null }) {
  const { t, i18n } = useTranslation();
  if (!deadline) return <span>—</span>;
  return (
    <Tag color={DEADLINE_COLORS[deadline.state]} data-testid="case-deadline" data-state={deadline.state}>
      {t(`cases.deadline.${deadline.state}`)} · {formatDateTime(deadline.dueAt, i18n.language)}
    </Tag>
  );
}
