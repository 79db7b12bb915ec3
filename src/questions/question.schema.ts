import { Type } from '@sinclair/typebox';
import { DATATYPES } from '../open311/spec-types.js';
import { MAX_QUESTIONS } from './question-rules.js';

/**
 * HTTP shapes of category questions. Codes are ASCII so they travel unescaped in Open311's
 * `attribute[CODE]` form keys; labels carry the Chinese (and optional English) wording.
 */
const Datatype = Type.Union(DATATYPES.map((d) => Type.Literal(d)));
const code = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z][A-Za-z0-9_-]*$' });
const optionKey = Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9_.-]+$' });
const nullableText = (maxLength: number) => Type.Optional(Type.Union([Type.String({ maxLength }), Type.Null()]));

const OptionInput = Type.Object(
  {
    key: optionKey,
    name: Type.String({ minLength: 1, maxLength: 100 }),
    nameEn: nullableText(200),
  },
  { additionalProperties: false },
);

export const QuestionInputSchema = Type.Object(
  {
    code,
    label: Type.String({ minLength: 1, maxLength: 200 }),
    labelEn: nullableText(200),
    help: nullableText(500),
    helpEn: nullableText(1000),
    datatype: Datatype,
    required: Type.Optional(Type.Boolean()),
    options: Type.Optional(Type.Array(OptionInput, { maxItems: 100 })),
  },
  { additionalProperties: false },
);

/** PUT replaces the whole set: the order of `items` is the order the form asks them in. */
export const PutQuestionsBody = Type.Object(
  {
    items: Type.Array(QuestionInputSchema, { maxItems: MAX_QUESTIONS }),
  },
  { additionalProperties: false },
);

export const QuestionSchema = Type.Object({
  code: Type.String(),
  label: Type.String(),
  labelEn: Type.Union([Type.String(), Type.Null()]),
  help: Type.Union([Type.String(), Type.Null()]),
  helpEn: Type.Union([Type.String(), Type.Null()]),
  prompt: Type.String({ description: "the label in the reader's language (Accept-Language)" }),
  hint: Type.Union([Type.String(), Type.Null()], { description: "the help in the reader's language" }),
  datatype: Datatype,
  required: Type.Boolean(),
  order: Type.Integer(),
  options: Type.Array(
    Type.Object({
      key: Type.String(),
      name: Type.String(),
      nameEn: Type.Union([Type.String(), Type.Null()]),
      label: Type.String({ description: "the name in the reader's language" }),
    }),
  ),
});

export const QuestionList = Type.Object({ categoryId: Type.Integer(), items: Type.Array(QuestionSchema) });

/** Answers on a new item, by question code: text, a number, or option keys. */
export const AnswersInput = Type.Record(
  Type.String({ maxLength: 40 }),
  Type.Union([
    Type.String({ maxLength: 4000 }),
    Type.Number(),
    Type.Null(),
    Type.Array(Type.String({ maxLength: 40 }), { maxItems: 100 }),
  ]),
  { maxProperties: MAX_QUESTIONS * 2 },
);

export const AnswerSchema = Type.Object({
  code: Type.String(),
  label: Type.String(),
  value: Type.Union([Type.String(), Type.Number(), Type.Array(Type.String())]),
  display: Type.String(),
});
