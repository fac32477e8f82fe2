import * as z from 'zod';
import { defineFunction } from '../define';
import { idSchema, monthSchema, orgRefSchema, plainText } from '../common';

/**
 * 每月一学: month plans, study materials and reading progress. Material bodies are Markdown; the server parses
 * them once (on save) into the block tree below, which both platforms render with plain components, so no
 * Markdown parser ships in the mini-program.
 */

// ── The reader's document model ────────────────────────────────────────────────────────────────────────────

export const inlineSchema = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  code: z.boolean().optional(),
  /** Links are shown, not followed (mini-programs cannot open arbitrary web pages). */
  href: z.string().optional(),
});
export type Inline = z.infer<typeof inlineSchema>;

export const blockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), level: z.number().int().min(1).max(6), inlines: z.array(inlineSchema) }),
  z.object({ type: z.literal('paragraph'), inlines: z.array(inlineSchema) }),
  /** A quoted regulation article (条文), one inline run per paragraph. */
  z.object({ type: z.literal('quote'), paragraphs: z.array(z.array(inlineSchema)) }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(z.array(inlineSchema)) }),
  /** `src` is a cloud fileID (`cloud://…`) or an https URL; see `imageUrls` for what to display. */
  z.object({ type: z.literal('image'), src: z.string(), alt: z.string() }),
  z.object({ type: z.literal('code'), text: z.string() }),
  z.object({ type: z.literal('rule') }),
]);
export type Block = z.infer<typeof blockSchema>;

// ── Shared shapes ───────────────────────────────────────────────────────────────────────────────────────────

/** 未读 / 已读 x% / 已完成 */
export const readingStatusSchema = z.enum(['unread', 'reading', 'completed']);
export type ReadingStatus = z.infer<typeof readingStatusSchema>;

export const readingProgressSchema = z.object({
  status: readingStatusSchema,
  /** Furthest point reached, 0–100. */
  percent: z.number().int().min(0).max(100),
  /** Where the member stopped last time (0–1 of the scrollable length), to resume there. */
  position: z.number().min(0).max(1),
  completedAt: z.string().nullable(),
});
export type ReadingProgress = z.infer<typeof readingProgressSchema>;

const titleSchema = plainText(60, { min: 1 });
const markdownSchema = plainText(60_000, { multiline: true });
const sourceSchema = plainText(80);
const estimatedMinutesSchema = z.number().int().min(1).max(180);
const themeSchema = plainText(40, { min: 1 });
const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const materialListItemSchema = z.object({
  materialId: idSchema,
  title: z.string(),
  source: z.string(),
  estimatedMinutes: z.number(),
  required: z.boolean(),
  progress: readingProgressSchema,
});
export type MaterialListItem = z.infer<typeof materialListItemSchema>;

export const memberPlanSchema = z.object({
  planId: idSchema,
  month: monthSchema,
  /** 一月一主题 */
  theme: z.string(),
  dueDate: dateSchema,
  /** Who published it (e.g. 清河县委组织部). */
  orgName: z.string(),
  materials: z.array(materialListItemSchema),
});
export type MemberPlan = z.infer<typeof memberPlanSchema>;

export const monthTallySchema = z.object({
  month: monthSchema,
  themes: z.array(z.string()),
  required: z.number().int(),
  completed: z.number().int(),
});
export type MonthTally = z.infer<typeof monthTallySchema>;

export const readerMaterialSchema = z.object({
  materialId: idSchema,
  title: z.string(),
  source: z.string(),
  estimatedMinutes: z.number(),
  blocks: z.array(blockSchema),
  /** Temporary download URLs of the images, by fileID. */
  imageUrls: z.record(z.string(), z.string()),
  /** Changes whenever the material is edited: the reader's offline cache compares it. */
  version: z.number().int(),
});
export type ReaderMaterial = z.infer<typeof readerMaterialSchema>;

// ── Member ──────────────────────────────────────────────────────────────────────────────────────────────────

export const overviewResultSchema = z.object({
  /** The server's current month (Asia/Shanghai). */
  currentMonth: monthSchema,
  /** The month shown (the one asked for, or the current one). */
  month: monthSchema,
  plans: z.array(memberPlanSchema),
  /** Months that have plans for the member, newest first (past months included). */
  months: z.array(monthTallySchema),
});
export type StudyOverview = z.infer<typeof overviewResultSchema>;

export const summaryResultSchema = z.object({
  month: monthSchema,
  required: z.number().int(),
  completed: z.number().int(),
  /** Earliest due date among this month's plans. */
  dueDate: dateSchema.nullable(),
  /** The first required material not finished yet. */
  next: z.object({ materialId: idSchema, title: z.string(), progress: readingProgressSchema }).nullable(),
});
export type StudySummary = z.infer<typeof summaryResultSchema>;

export const openMaterialResultSchema = z.object({
  material: readerMaterialSchema,
  progress: readingProgressSchema,
});
export type OpenMaterialResult = z.infer<typeof openMaterialResultSchema>;

/** One batch of reading, measured on the phone between two sends. */
export const progressReportSchema = z
  .object({
    /** Made once per batch on the phone; a replayed batch is recognised by it and changes nothing. */
    batchId: z
      .string()
      .min(8)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/),
    materialId: idSchema,
    /** Seconds the page was open and in front during the batch (the server caps it by its own clock). */
    dwellSeconds: z.number().min(0).max(3600),
    /** Furthest point reached so far, 0–1. */
    furthest: z.number().min(0).max(1),
    /** Where the reader is now, 0–1. */
    position: z.number().min(0).max(1),
  })
  .strict();
export type ProgressReport = z.infer<typeof progressReportSchema>;

export const reportProgressResultSchema = z.object({
  /** Batch ids the server has (now or before): the phone drops them from its queue. */
  settled: z.array(z.string()),
  progress: z.array(z.object({ materialId: idSchema, progress: readingProgressSchema })),
});
export type ReportProgressResult = z.infer<typeof reportProgressResultSchema>;

// ── Secretary ───────────────────────────────────────────────────────────────────────────────────────────────

export const branchStatusResultSchema = z.object({
  month: monthSchema,
  branch: orgRefSchema,
  materials: z.array(z.object({ materialId: idSchema, title: z.string() })),
  members: z.array(
    z.object({
      memberId: idSchema,
      name: z.string(),
      completed: z.number().int(),
      required: z.number().int(),
      items: z.array(z.object({ materialId: idSchema, status: readingStatusSchema, percent: z.number().int() })),
    }),
  ),
});
export type BranchStudyStatus = z.infer<typeof branchStatusResultSchema>;

// ── Admin ───────────────────────────────────────────────────────────────────────────────────────────────────

export const planStatusSchema = z.enum(['draft', 'published']);

export const adminPlanSchema = z.object({
  planId: idSchema,
  month: monthSchema,
  org: orgRefSchema,
  theme: z.string(),
  dueDate: dateSchema,
  requiredMaterialIds: z.array(idSchema),
  optionalMaterialIds: z.array(idSchema),
  status: planStatusSchema,
});
export type AdminPlan = z.infer<typeof adminPlanSchema>;

export const savePlanInputSchema = z
  .object({
    planId: idSchema.optional(),
    month: monthSchema,
    /** Root of the subtree the plan reaches. */
    orgId: idSchema,
    theme: themeSchema,
    dueDate: dateSchema,
    requiredMaterialIds: z.array(idSchema).min(1).max(20),
    optionalMaterialIds: z.array(idSchema).max(20).default([]),
    status: planStatusSchema,
  })
  .strict();
export type SavePlanInput = z.input<typeof savePlanInputSchema>;

export const adminMaterialSchema = z.object({
  materialId: idSchema,
  title: z.string(),
  source: z.string(),
  estimatedMinutes: z.number(),
  org: orgRefSchema,
  /** Length in characters as read (Markdown syntax excluded). */
  textLength: z.number().int(),
  updatedAt: z.string(),
});
export type AdminMaterial = z.infer<typeof adminMaterialSchema>;

export const materialDraftSchema = z
  .object({
    title: titleSchema,
    body: markdownSchema.min(1),
    source: sourceSchema.default(''),
    estimatedMinutes: estimatedMinutesSchema,
  })
  .strict();

export const saveMaterialInputSchema = materialDraftSchema
  .extend({
    materialId: idSchema.optional(),
    /** The org that owns it (admins of that subtree may edit it and put it in plans). */
    orgId: idSchema,
  })
  .strict();
export type SaveMaterialInput = z.input<typeof saveMaterialInputSchema>;

export const materialPreviewSchema = z.object({
  blocks: z.array(blockSchema),
  imageUrls: z.record(z.string(), z.string()),
  textLength: z.number().int(),
  /** The least reading time the server will accept as a real reading of this text. */
  plausibleSeconds: z.number().int(),
  suggestedMinutes: z.number().int(),
});
export type MaterialPreview = z.infer<typeof materialPreviewSchema>;

export const importDocumentInputSchema = z.discriminatedUnion('format', [
  z.object({ format: z.literal('docx'), fileName: plainText(120), base64: z.string().min(1).max(4_000_000) }).strict(),
  z.object({ format: z.literal('md'), fileName: plainText(120), text: markdownSchema.min(1) }).strict(),
]);
export type ImportDocumentInput = z.input<typeof importDocumentInputSchema>;

export const importDocumentResultSchema = materialPreviewSchema.extend({
  title: z.string(),
  body: z.string(),
  /** What did not survive the conversion (unsupported styles …), in Chinese. */
  warnings: z.array(z.string()),
});
export type ImportDocumentResult = z.infer<typeof importDocumentResultSchema>;

export const studyContract = defineFunction('study', {
  overview: { input: z.object({ month: monthSchema.optional() }).strict().optional(), output: overviewResultSchema },
  summary: { input: z.object({}).strict().optional(), output: summaryResultSchema },
  openMaterial: { input: z.object({ materialId: idSchema }).strict(), output: openMaterialResultSchema },
  reportProgress: {
    input: z.object({ reports: z.array(progressReportSchema).min(1).max(100) }).strict(),
    output: reportProgressResultSchema,
  },
  branchStatus: {
    input: z.object({ branchId: idSchema.optional(), month: monthSchema.optional() }).strict().optional(),
    output: branchStatusResultSchema,
  },
  listPlans: {
    input: z.object({ month: monthSchema.optional() }).strict().optional(),
    output: z.object({ plans: z.array(adminPlanSchema) }),
  },
  savePlan: { input: savePlanInputSchema, output: z.object({ plan: adminPlanSchema }) },
  listMaterials: { input: z.object({}).strict().optional(), output: z.object({ materials: z.array(adminMaterialSchema) }) },
  getMaterialDraft: {
    input: z.object({ materialId: idSchema }).strict(),
    output: z.object({ material: adminMaterialSchema.extend({ body: z.string() }) }),
  },
  saveMaterial: { input: saveMaterialInputSchema, output: z.object({ material: adminMaterialSchema }) },
  previewMaterial: { input: z.object({ body: markdownSchema }).strict(), output: materialPreviewSchema },
  importDocument: { input: importDocumentInputSchema, output: importDocumentResultSchema },
  uploadImage: {
    input: z.object({ fileName: plainText(120).regex(/\.(png|jpe?g|gif|webp)$/i), base64: z.string().min(1).max(2_800_000) }).strict(),
    output: z.object({ fileID: z.string(), url: z.string() }),
  },
});
