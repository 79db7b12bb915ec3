import { Type, type TProperties, type TSchema } from '@sinclair/typebox';
import { LETTER_KINDS, LETTER_STATUSES, MAX_REPLY_DAYS } from './letter-rules.js';

const date = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const obj = <T extends TProperties>(props: T) => Type.Object(props, { additionalProperties: false });
const Kind = Type.Union(
  LETTER_KINDS.map((k) => Type.Literal(k)),
  { description: 'letter 督办函, summons 约谈' },
);
const Status = Type.Union(LETTER_STATUSES.map((s) => Type.Literal(s)));

export const LetterSchema = Type.Object(
  {
    id: Type.Integer(),
    kind: Kind,
    kindName: Type.Object({ zh: Type.String(), en: Type.String(), word: Type.String() }),
    docNumber: Type.String({ description: 'e.g. 〔2026〕督字第 12 号: per kind and year, without gaps' }),
    year: Type.Integer(),
    serial: Type.Integer(),
    problem: Type.Object({ code: Type.String(), title: Type.String() }),
    department: Type.Object({ id: Type.Integer(), name: Type.String() }),
    reason: Type.String(),
    text: Type.String(),
    issuedBy: Type.String(),
    issuedAt: Type.String(),
    issueDate: date,
    replyBy: date,
    status: Status,
    overdue: Type.Boolean({ description: 'no reply and the reply deadline has passed' }),
    acknowledgement: nullable(Type.Object({ signedBy: Type.String(), at: Type.String() })),
    reply: nullable(Type.Object({ text: Type.String(), by: Type.String(), at: Type.String(), late: Type.Boolean() })),
  },
  { description: 'A supervision letter (督办函) or summons (约谈)' },
);

export const LetterPage = Type.Object({ items: Type.Array(LetterSchema), total: Type.Integer() });

export const IssueLetterBody = obj({
  kind: Kind,
  problemCode: Type.String({ minLength: 1, maxLength: 40 }),
  departmentId: Type.Optional(Type.Integer({ minimum: 1, description: "default: the item's lead unit" })),
  reason: Type.String({
    minLength: 1,
    maxLength: 500,
    description: 'what triggered it: a missed milestone, a red warning',
  }),
  text: Type.String({ minLength: 1, maxLength: 10_000 }),
  replyDays: Type.Optional(
    Type.Integer({ minimum: 1, maximum: MAX_REPLY_DAYS, description: 'working days to reply (default 5)' }),
  ),
  replyBy: Type.Optional(date),
});

export const LetterQuery = obj({
  overdue: Type.Optional(Type.Boolean({ description: 'only letters without a reply past their deadline' })),
  kind: Type.Optional(Kind),
  status: Type.Optional(Status),
  departmentId: Type.Optional(Type.Integer({ minimum: 1 })),
  problemCode: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2999 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});

export const AcknowledgeBody = obj({
  signedBy: Type.String({ minLength: 1, maxLength: 100, description: 'who signs for the unit (签收人)' }),
});
export const ReplyBody = obj({ text: Type.String({ minLength: 1, maxLength: 10_000 }) });
