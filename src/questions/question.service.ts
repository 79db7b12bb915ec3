import type { Db } from '../db/database.js';
import { isStaff } from '../auth/actor.js';
import { type Lang, notFound } from '../errors.js';
import type { Clock } from '../shared/time.js';
import type { ProblemView } from '../problems/problem.schema.js';
import type { ProblemCreated } from '../problems/problem-hooks.js';
import { checkNativeAnswers, checkQuestionSet, displayOf, questionIn, type QuestionInput } from './question-rules.js';
import * as repo from './question.repository.js';

export function questionService(db: Db, opts: { clock: Clock; timeZone: string }) {
  async function mustExist(dbx: Db, categoryId: number): Promise<void> {
    if (!(await repo.categoryExists(dbx, categoryId))) throw notFound('category', categoryId);
  }

  return {
    async list(categoryId: number, lang: Lang = 'zh') {
      await mustExist(db, categoryId);
      return { categoryId, items: (await repo.listQuestions(db, categoryId)).map((q) => questionIn(q, lang)) };
    },

    /** Replaces a category's questions. Stored answers keep their own copy of label and text. */
    async replace(categoryId: number, items: readonly QuestionInput[], lang: Lang = 'zh') {
      const questions = checkQuestionSet(items);
      await db.transaction().execute(async (trx) => {
        await mustExist(trx, categoryId);
        await repo.replaceQuestions(trx, categoryId, questions, opts.clock().toISOString());
      });
      return { categoryId, items: (await repo.listQuestions(db, categoryId)).map((q) => questionIn(q, lang)) };
    },

    /** The create hook: checks the new item's answers against its category and stores them. */
    async onCreate(trx: Db, created: ProblemCreated): Promise<void> {
      const categoryId = created.input.categoryId ?? null;
      const questions = categoryId === null ? [] : await repo.listQuestions(trx, categoryId);
      const given = created.input.answers ?? {};
      if (questions.length === 0 && Object.keys(given).length === 0) return;
      const typed = checkNativeAnswers(questions, given, { requireAnswers: !isStaff(created.actor) });
      const byCode = new Map(questions.map((q) => [q.code, q]));
      await repo.insertAnswers(
        trx,
        created.problemId,
        typed.map((a) => {
          const q = byCode.get(a.code)!;
          return { ...a, label: q.label, display: displayOf(a, q, opts.timeZone), sort: q.order };
        }),
      );
    },

    /** The presenter hook: every item read shows its answers (empty when there are none). */
    async decorate(dbx: Db, views: ProblemView[], problemIds: number[]): Promise<void> {
      const answers = await repo.answersOf(dbx, problemIds);
      views.forEach((v, i) => {
        v.answers = answers.get(problemIds[i]) ?? [];
      });
    },

    categoriesWithQuestions: () => repo.categoriesWithQuestions(db),
    questionsOf: (categoryId: number) => repo.listQuestions(db, categoryId),
  };
}

export type QuestionService = ReturnType<typeof questionService>;
