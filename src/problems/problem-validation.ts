import type { Db } from '../db/database.js';
import { AppError, say } from '../errors.js';

async function exists(db: Db, table: 'categories' | 'areas' | 'tags' | 'departments', id: number): Promise<boolean> {
  return Boolean(await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst());
}

/** Checks every reference a new item makes, naming the field that is wrong. */
export async function validateReferences(
  db: Db,
  input: {
    categoryId?: number | null;
    areaId?: number | null;
    tagIds?: number[];
    sourceCode: string;
    parentCode?: string;
  },
): Promise<{ sourceId: number; parentId: number | null }> {
  if (input.categoryId && !(await exists(db, 'categories', input.categoryId))) {
    throw new AppError(
      'validation_failed',
      say(`类别 ${input.categoryId} 不存在`, `category ${input.categoryId} does not exist`),
      { field: 'categoryId' },
    );
  }
  if (input.areaId && !(await exists(db, 'areas', input.areaId))) {
    throw new AppError('validation_failed', say(`区域 ${input.areaId} 不存在`, `area ${input.areaId} does not exist`), {
      field: 'areaId',
    });
  }
  for (const t of input.tagIds ?? []) {
    if (!(await exists(db, 'tags', t)))
      throw new AppError('validation_failed', say(`标签 ${t} 不存在`, `tag ${t} does not exist`), { field: 'tagIds' });
  }
  const source = await db.selectFrom('sources').select('id').where('code', '=', input.sourceCode).executeTakeFirst();
  if (!source)
    throw new AppError(
      'validation_failed',
      say(`来源“${input.sourceCode}”不存在`, `source "${input.sourceCode}" does not exist`),
      { field: 'sourceCode' },
    );
  let parentId: number | null = null;
  if (input.parentCode) {
    const parent = await db.selectFrom('problems').select('id').where('code', '=', input.parentCode).executeTakeFirst();
    if (!parent)
      throw new AppError(
        'validation_failed',
        say(`上级事项 ${input.parentCode} 不存在`, `parent item ${input.parentCode} does not exist`),
        {
          field: 'parentCode',
        },
      );
    parentId = parent.id;
  }
  return { sourceId: source.id, parentId };
}
