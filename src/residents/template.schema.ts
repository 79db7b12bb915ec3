import { Type } from '@sinclair/typebox';

const Lang = Type.Union([Type.Literal('zh'), Type.Literal('en')]);
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
export const TemplateBody = Type.Object({ title: Text(200), body: Text(1000) }, { additionalProperties: false });
export const TemplateParams = Type.Object({ action: Type.String({ maxLength: 40 }), lang: Lang });
export const PreviewBody = Type.Object(
  { lang: Type.Optional(Lang), title: Type.Optional(Text(200)), body: Type.Optional(Text(1000)) },
  { additionalProperties: false },
);
export const MessagePreview = Type.Object({ title: Type.String(), body: Type.String() });
const Plain = Type.Object({ title: Type.String(), body: Type.String() });
export const TemplateList = Type.Object({
  items: Type.Array(
    Type.Object({
      action: Type.String(),
      placeholders: Type.Array(Type.String()),
      langs: Type.Array(
        Type.Object({
          lang: Lang,
          title: Type.String(),
          body: Type.String(),
          edited: Type.Boolean(),
          updatedAt: Type.Union([Type.String(), Type.Null()]),
          updatedBy: Type.Union([Type.String(), Type.Null()]),
          default: Plain,
        }),
      ),
    }),
  ),
});
