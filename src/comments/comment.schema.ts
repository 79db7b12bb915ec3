import { Type, type Static } from '@sinclair/typebox';

/** HTTP shapes of comments, thanks and likes. Public views never carry contact or moderation data. */
export const COMMENT_KINDS = ['comment', 'thanks'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];
const Kind = Type.Union(COMMENT_KINDS.map((k) => Type.Literal(k)));
const nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const PostCommentBody = Type.Object(
  {
    kind: Type.Optional(Kind),
    text: Type.String({ minLength: 1, maxLength: 1000 }),
    authorName: Type.Optional(Type.String({ maxLength: 40 })),
    contact: Type.Optional(
      Type.String({ maxLength: 100, description: 'phone or e-mail for staff follow-up; never published' }),
    ),
  },
  { additionalProperties: false },
);
export type PostCommentInput = Static<typeof PostCommentBody>;

export const ReplyBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);

export const HideBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

export const CommentListQuery = Type.Object(
  {
    sort: Type.Optional(
      Type.Union([Type.Literal('hot'), Type.Literal('new')], {
        description: 'hot: most liked first; new: newest first',
      }),
    ),
    kind: Type.Optional(Kind),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false },
);
export type CommentListQueryInput = Static<typeof CommentListQuery>;

export const ModerationQuery = Type.Object(
  {
    hidden: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false },
);

export const CommentSchema = Type.Object({
  id: Type.Integer(),
  kind: Kind,
  authorName: nullable(Type.String()),
  text: Type.String(),
  likes: Type.Integer(),
  likedByMe: Type.Boolean({ description: 'whether this account, or this browser (its qd_device cookie), liked it' }),
  createdAt: Type.String(),
  hidden: Type.Boolean({ description: 'always false for the public, who never receive hidden comments' }),
  hiddenReason: Type.Optional(nullable(Type.String())),
  hiddenAt: Type.Optional(nullable(Type.String())),
  hiddenBy: Type.Optional(nullable(Type.String())),
  contact: Type.Optional(nullable(Type.String({ description: 'staff who call people back only' }))),
  reply: Type.Union([Type.Object({ text: Type.String(), by: Type.String(), at: Type.String() }), Type.Null()], {
    description: 'the official reply (官方回复), public with the comment',
  }),
  problem: Type.Optional(Type.Object({ code: Type.String(), title: Type.String() })),
});
export type CommentView = Static<typeof CommentSchema>;

export const CommentList = Type.Object({
  items: Type.Array(CommentSchema),
  total: Type.Integer({ description: 'comments and thanks the caller may see' }),
  counts: Type.Object({ comment: Type.Integer(), thanks: Type.Integer() }),
  nextOffset: Type.Union([Type.Integer(), Type.Null()]),
});

/** The moderation queue: newest first, across items. */
export const ModerationList = Type.Object({
  items: Type.Array(CommentSchema),
  nextOffset: Type.Union([Type.Integer(), Type.Null()]),
});

export const LikeResult = Type.Object({ id: Type.Integer(), likes: Type.Integer(), likedByMe: Type.Boolean() });

export const MostCommented = Type.Object({
  items: Type.Array(
    Type.Object({
      code: Type.String(),
      title: Type.String(),
      status: Type.String(),
      comments: Type.Integer(),
      thanks: Type.Integer(),
      lastCommentAt: Type.String(),
    }),
  ),
});
