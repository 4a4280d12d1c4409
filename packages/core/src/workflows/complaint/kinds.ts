/**
 * The four kinds of message the "questions, criticism, suggestions and complaints" system takes,
 * and how each one's lifecycle differs. One machine serves all four; these rules are the only
 * difference, copied into each message when it is filed so a later change never rewrites an
 * open case.
 */
export const MESSAGE_KINDS = ['question', 'criticism', 'suggestion', 'complaint'] as const;
/** A message kind. */
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** What a message kind gets: a second stage, reopening, a complaint code. */
export interface KindRules {
  /** A second stage (review by a supervisor) after dissatisfaction, a reopen or a stage-1 breach. */
  stageTwo: boolean;
  /** The complainant may reopen a closed message within the reopen window (needs `stageTwo`). */
  reopen: boolean;
  /** Issue a complaint code beside the tracking code (the public lookup then needs both). */
  complaintCode: boolean;
}

/** Complaints and criticism get the full lifecycle; questions and suggestions the simple one. */
export const DEFAULT_KIND_RULES: Readonly<Record<MessageKind, Readonly<KindRules>>> = Object.freeze({
  complaint: Object.freeze({ stageTwo: true, reopen: true, complaintCode: true }),
  criticism: Object.freeze({ stageTwo: true, reopen: true, complaintCode: false }),
  question: Object.freeze({ stageTwo: false, reopen: false, complaintCode: false }),
  suggestion: Object.freeze({ stageTwo: false, reopen: false, complaintCode: false }),
});

/** Persian names for the user interface. */
export const MESSAGE_KIND_LABELS: Readonly<Record<MessageKind, { fa: string; en: string }>> = Object.freeze({
  question: { fa: 'پرسش', en: 'Question' },
  criticism: { fa: 'انتقاد', en: 'Criticism' },
  suggestion: { fa: 'پیشنهاد', en: 'Suggestion' },
  complaint: { fa: 'شکایت', en: 'Complaint' },
});
