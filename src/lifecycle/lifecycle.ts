/**
 * The problem lifecycle as one table: states, actions, who may perform each action, and what each
 * action requires. Pure: no I/O, no project imports, shared by the API, the UI and the CLI.
 */
export const STATES = [
  'submitted',
  'accepted',
  'rejected',
  'merged',
  'assigned',
  'in_progress',
  'long_term',
  'rectified',
  'verified',
  'closed',
] as const;
export type State = (typeof STATES)[number];

export const ROLES = ['admin', 'acceptance', 'department', 'supervisor', 'leader', 'public'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'accept',
  'reject',
  'merge',
  'assign',
  'sign',
  'return',
  'progress',
  'rectify',
  'verify',
  'close',
  'reopen',
  'long_term',
  'note',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Who the actor is relative to the item; the service computes these from the database. */
export interface ActorContext {
  role: Role;
  /** Actor's department scope covers the item's lead department. */
  inLeadScope: boolean;
  /** Actor's department scope covers one of the item's co-departments. */
  inCoScope: boolean;
  /** Public caller holding the item's tracking token. */
  hasToken: boolean;
  /** The actor is the item's owner leader (领办). */
  isOwnerLeader: boolean;
}

/** A rule says which roles qualify; `scope` narrows department staff to their items. */
type Who = { roles: Role[]; scope?: 'lead' | 'lead_or_co'; token?: boolean };

export interface Transition {
  from: State[];
  /** null: the state does not change (a report or a note); a function picks from the input. */
  to: State | null | ((input: Record<string, unknown>, from: State) => State);
  who: Who;
  /** Fields the action needs in its input. */
  requires: string[];
  /** Whether the event shows on the public timeline. */
  public: boolean;
}

const triage: Role[] = ['admin', 'acceptance'];
const oversight: Role[] = ['admin', 'supervisor'];
const WORKING: State[] = ['in_progress', 'long_term'];

export const TRANSITIONS: Record<Action, Transition> = {
  accept: { from: ['submitted'], to: 'accepted', who: { roles: triage }, requires: [], public: true },
  reject: {
    from: ['submitted', 'accepted'],
    to: 'rejected',
    who: { roles: triage },
    requires: ['reason'],
    public: true,
  },
  merge: {
    from: ['submitted', 'accepted'],
    to: 'merged',
    who: { roles: triage },
    requires: ['targetCode'],
    public: true,
  },
  assign: {
    from: ['submitted', 'accepted'],
    to: 'assigned',
    who: { roles: triage },
    requires: ['leadDepartmentId'],
    public: true,
  },
  sign: {
    from: ['assigned'],
    to: 'in_progress',
    who: { roles: ['admin', 'department'], scope: 'lead' },
    requires: [],
    public: true,
  },
  return: {
    from: ['assigned', 'in_progress'],
    to: 'accepted',
    who: { roles: ['admin', 'department'], scope: 'lead' },
    requires: ['reason'],
    public: false,
  },
  progress: {
    from: WORKING,
    to: null,
    who: { roles: ['admin', 'department'], scope: 'lead_or_co' },
    requires: ['text', 'percent'],
    public: true,
  },
  rectify: {
    from: WORKING,
    to: 'rectified',
    who: { roles: ['admin', 'department'], scope: 'lead' },
    requires: ['evidence'],
    public: true,
  },
  verify: {
    from: ['rectified'],
    to: (input) => (input.result === 'unsatisfied' ? 'in_progress' : 'verified'),
    who: { roles: ['admin', 'acceptance', 'supervisor', 'public'], token: true },
    requires: ['result'],
    public: true,
  },
  close: {
    from: ['rectified', 'verified'],
    to: 'closed',
    who: { roles: ['admin', 'acceptance', 'supervisor'] },
    requires: [],
    public: true,
  },
  reopen: {
    from: ['closed', 'rejected'],
    to: (_input, from) => (from === 'rejected' ? 'accepted' : 'in_progress'),
    who: { roles: oversight },
    requires: ['reason'],
    public: true,
  },
  long_term: {
    from: ['in_progress', 'long_term'],
    to: 'long_term',
    who: { roles: ['admin', 'supervisor', 'department'], scope: 'lead' },
    requires: ['checkpointDate'],
    public: true,
  },
  note: {
    from: STATES.filter((s) => s !== 'merged'),
    to: null,
    who: { roles: ['admin', 'acceptance', 'supervisor', 'leader', 'department'], scope: 'lead_or_co' },
    requires: ['text'],
    public: false,
  },
};

export const VERIFY_RESULTS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type VerifyResult = (typeof VERIFY_RESULTS)[number];

export type Refusal = 'invalid_transition' | 'forbidden' | 'missing_input';

export type Decision =
  | { ok: true; from: State; to: State; public: boolean; redo: boolean }
  | { ok: false; refusal: Refusal; message: string; allowed: Action[]; missing?: string[] };

function qualifies(who: Who, actor: ActorContext): boolean {
  if (actor.role === 'public') return Boolean(who.token && actor.hasToken && who.roles.includes('public'));
  if (!who.roles.includes(actor.role)) return false;
  if (actor.role === 'department' && who.scope === 'lead') return actor.inLeadScope;
  if (actor.role === 'department' && who.scope === 'lead_or_co') return actor.inLeadScope || actor.inCoScope;
  return true;
}

/** Actions this actor may perform on an item in `state` now. */
export function allowedActions(state: State, actor: ActorContext): Action[] {
  return ACTIONS.filter((a) => TRANSITIONS[a].from.includes(state) && qualifies(TRANSITIONS[a].who, actor));
}

function present(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  return true;
}

// Values whose shape the lifecycle itself depends on; the HTTP schema checks the rest.
function valid(field: string, value: unknown): boolean {
  if (field === 'result') return (VERIFY_RESULTS as readonly unknown[]).includes(value);
  if (field === 'percent') return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 100;
  return !(Array.isArray(value) && value.length === 0);
}

/** Decide whether `action` may happen now and where it leads. */
export function decide(
  state: State,
  action: Action,
  actor: ActorContext,
  input: Record<string, unknown> = {},
): Decision {
  const t = TRANSITIONS[action];
  const allowed = allowedActions(state, actor);
  if (!t.from.includes(state)) {
    return {
      ok: false,
      refusal: 'invalid_transition',
      message: `"${action}" is not possible while the item is ${state}`,
      allowed,
    };
  }
  if (!qualifies(t.who, actor)) {
    return { ok: false, refusal: 'forbidden', message: `you may not "${action}" this item`, allowed };
  }
  const missing = t.requires.filter((f) => !present(input[f]) || !valid(f, input[f]));
  if (missing.length > 0) {
    return {
      ok: false,
      refusal: 'missing_input',
      message: `"${action}" requires ${missing.join(', ')}`,
      allowed,
      missing,
    };
  }
  const to = t.to === null ? state : typeof t.to === 'function' ? t.to(input, state) : t.to;
  return { ok: true, from: state, to, public: t.public, redo: action === 'verify' && input.result === 'unsatisfied' };
}

/** States in which an item is counted as open work. */
export const OPEN_STATES: State[] = ['submitted', 'accepted', 'assigned', 'in_progress', 'long_term', 'rectified'];
/** States in which an item counts as rectified for the public figures. */
export const RECTIFIED_STATES: State[] = ['rectified', 'verified', 'closed'];
/** States the public may see (after triage accepted the item). */
export const PUBLIC_STATES: State[] = [
  'accepted',
  'assigned',
  'in_progress',
  'long_term',
  'rectified',
  'verified',
  'closed',
];

export const isState = (s: string): s is State => (STATES as readonly string[]).includes(s);
