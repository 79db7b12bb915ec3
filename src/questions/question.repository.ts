import type { Selectable } from 'kysely';
import type { Db } from '../db/database.js';
import type { CategoryQuestionTable } from '../db/schema.js';
import type { AttributeAnswer } from '../open311/attributes.js';
import type { Open311Datatype } from '../open311/spec-types.js';
import type { AnswerView, Question, QuestionOption } from './question-rules.js';

type QuestionRow = Selectable<CategoryQuestionTable>;

function toQuestion(r: QuestionRow, order: number): Question {
  return {
    code: r.code,
    label: r.label,
    labelEn: r.label_en,
    help: r.help,
    helpEn: r.help_en,
    datatype: r.datatype as Open311Datatype,
    required: r.required === 1,
    order,
    options: JSON.parse(r.options) as QuestionOption[],
  };
}

export async function categoryExists(db: Db, categoryId: number): Promise<boolean> {
  return Boolean(await db.selectFrom('categories').select('id').where('id', '=', categoryId).executeTakeFirst());
}

export async function listQuestions(db: Db, categoryId: number): Promise<Question[]> {
  const rows = await db
    .selectFrom('category_questions')
    .selectAll()
    .where('category_id', '=', categoryId)
    .orderBy('sort')
    .orderBy('id')
    .execute();
  return rows.map((r, i) => toQuestion(r, i + 1));
}

/** Category ids that have at least one question (Open311's `metadata: true`). */
export async function categoriesWithQuestions(db: Db): Promise<Set<number>> {
  const rows = await db.selectFrom('category_questions').select('category_id').distinct().execute();
  return new Set(rows.map((r) => r.category_id));
}

export async function replaceQuestions(
  trx: Db,
  categoryId: number,
  questions: readonly Question[],
  now: string,
): Promise<void> {
  await trx.deleteFrom('category_questions').where('category_id', '=', categoryId).execute();
  if (questions.length === 0) return;
  await trx
    .insertInto('category_questions')
    .values(
      questions.map((q) => ({
        category_id: categoryId,
        code: q.code,
        label: q.label,
        label_en: q.labelEn,
        help: q.help,
        help_en: q.helpEn,
        datatype: q.datatype,
        required: q.required ? 1 : 0,
        options: JSON.stringify(q.options),
        sort: q.order,
        updated_at: now,
      })),
    )
    .execute();
}

export async function insertAnswers(
  trx: Db,
  problemId: number,
  answers: ReadonlyArray<AttributeAnswer & { label: string; display: string; sort: number }>,
): Promise<void> {
  if (answers.length === 0) return;
  await trx
    .insertInto('problem_answers')
    .values(
      answers.map((a) => ({
        problem_id: problemId,
        code: a.code,
        label: a.label,
        datatype: a.datatype,
        value: JSON.stringify(a.value),
        display: a.display,
        sort: a.sort,
      })),
    )
    .execute();
}

/** Answers of a page of items, in question order. */
export async function answersOf(db: Db, problemIds: readonly number[]): Promise<Map<number, AnswerView[]>> {
  const out = new Map<number, AnswerView[]>();
  if (problemIds.length === 0) return out;
  const rows = await db
    .selectFrom('problem_answers')
    .selectAll()
    .where('problem_id', 'in', [...problemIds])
    .orderBy('problem_id')
    .orderBy('sort')
    .execute();
  for (const r of rows) {
    const view: AnswerView = {
      code: r.code,
      label: r.label,
      value: JSON.parse(r.value) as AnswerView['value'],
      display: r.display,
    };
    out.set(r.problem_id, [...(out.get(r.problem_id) ?? []), view]);
  }
  return out;
}
