import { z } from 'zod';
import { type Refusal, refusalSchema } from './refusal';

/**
 * Why the server refused an HTTP request, as a code with parameters, like the socket's
 * refusals (`refusal.ts`): the device words it in its own language (`refusal.<code>` messages
 * in packages/board/src/i18n). The body also carries an English `error` for logs and API users.
 */
const plain = <C extends string>(code: C) => z.strictObject({ code: z.literal(code) });
const count = z.number().int().nonnegative();

/** HTTP refusals that the socket does not have (socket codes are reused as they are). */
const httpOnlySchema = z.discriminatedUnion('code', [
  // Any request: the wrong method, body, address, site or server state.
  z.strictObject({
    code: z.literal('wrongMethod'),
    method: z.string(),
    use: z.array(z.string()),
  }),
  // `send` is an example of the body the server takes, for API users; devices do not show it.
  z.strictObject({ code: z.literal('badRequest'), send: z.string() }),
  plain('jsonOnly'),
  plain('badBoardId'),
  plain('malformedUrl'),
  z.strictObject({ code: z.literal('nothingAt'), path: z.string() }),
  plain('notFound'),
  plain('otherSite'),
  plain('appNotBuilt'),
  plain('internal'),
  // The librarian's PIN.
  z.strictObject({ code: z.literal('tooManyTries'), seconds: count }),
  plain('pinSetAlready'),
  z.strictObject({ code: z.literal('pinShape'), min: count, max: count }),
  plain('wrongSetupCode'),
  plain('noPinYet'),
  plain('wrongPin'),
  // What only the librarian does (`librarianRunsRoutine` is the socket's).
  plain('librarianSeesTrash'),
  plain('librarianSavesExhibits'),
  plain('librarianStartsBoards'),
  plain('librarianDeletesExhibits'),
  plain('librarianChangesSettings'),
  plain('librarianManagesBoards'),
  plain('librarianEnrollsTables'),
  // Boards, trash and exhibits.
  plain('noBoard'),
  plain('boardIdTaken'),
  plain('notInTrash'),
  plain('noClearToUndo'),
  z.strictObject({ code: z.literal('boardInUse'), devices: count }),
  plain('boardUnavailable'),
  plain('noPicture'),
  plain('noJoinCode'),
  plain('noExhibit'),
  plain('exhibitNeedsTitle'),
  plain('exhibitsFixed'),
  plain('noTable'),
  // Images.
  plain('noImage'),
  plain('tooManyImages'),
  plain('emptyUpload'),
  z.strictObject({ code: z.literal('imageTooLarge'), mib: z.number().nonnegative() }),
  plain('notAnImage'),
  // Routines and group runs.
  plain('noTemplate'),
  plain('noSavedTemplate'),
  plain('builtInRoutine'),
  plain('noRun'),
  plain('notRunGroup'),
  z.strictObject({ code: z.literal('phaseCount'), max: count }),
  z.strictObject({ code: z.literal('phaseSeconds'), min: count, max: count }),
  plain('noDotVote'),
  z.strictObject({ code: z.literal('votesPerPerson'), min: count, max: count }),
]);

type HttpOnly = z.infer<typeof httpOnlySchema>;
/** A refusal of an HTTP request: its own codes, and the socket's where they mean the same. */
export type HttpRefusal = HttpOnly | Extract<Refusal, { code: 'librarianRunsRoutine' }>;
export type HttpRefusalCode = HttpRefusal['code'];

/** Every refusal a device may be told, over the socket or HTTP. */
export const anyRefusalSchema = z.discriminatedUnion('code', [
  ...refusalSchema.options,
  ...httpOnlySchema.options,
]);
export type AnyRefusal = Refusal | HttpRefusal;
export type AnyRefusalCode = AnyRefusal['code'];

/** Every refusal code, socket and HTTP: each needs a `refusal.<code>` message on the device. */
export const REFUSAL_CODES: readonly AnyRefusalCode[] = anyRefusalSchema.options.map(
  (option) => option.shape.code.value,
);

type English = { [C in HttpRefusalCode]: (refusal: Extract<HttpRefusal, { code: C }>) => string };

/** The English of each refusal, for logs and API users; devices word the code themselves. */
const ENGLISH: English = {
  wrongMethod: ({ method, use }) => `${method} is not allowed here; use ${use.join(' or ')}`,
  badRequest: ({ send }) => `send ${send}`,
  jsonOnly: () => 'send JSON with Content-Type: application/json',
  badBoardId: () => 'a board id is 1–64 of A–Z a–z 0–9 _ -',
  malformedUrl: () => 'malformed URL',
  nothingAt: ({ path }) => `nothing at ${path}`,
  notFound: () => 'not found',
  otherSite: () => 'requests from another site are refused',
  appNotBuilt: () => 'the board app is not built yet: run `npx pnpm@10 build`',
  internal: () => 'internal error',
  tooManyTries: ({ seconds }) => `too many wrong tries; try again in ${seconds} s`,
  pinSetAlready: () => 'a librarian PIN is already set',
  pinShape: ({ min, max }) => `the PIN must be ${min} to ${max} digits`,
  wrongSetupCode: () =>
    'that setup code is not right; the server printed it in its console when it started',
  noPinYet: () => 'no librarian PIN is set yet',
  wrongPin: () => 'that PIN is not right',
  librarianSeesTrash: () => 'only the librarian can see the trash',
  librarianSavesExhibits: () => 'only the librarian can save exhibits',
  librarianStartsBoards: () => 'only the librarian can start boards',
  librarianDeletesExhibits: () => 'only the librarian can delete exhibits',
  librarianChangesSettings: () => 'only the librarian can change the library’s settings',
  librarianManagesBoards: () => 'only the librarian can manage boards',
  librarianEnrollsTables: () => 'only the librarian can enroll tables',
  librarianRunsRoutine: () => 'only the librarian can run routines',
  noBoard: () => 'there is no board with that id',
  boardIdTaken: () => 'a board with that id exists already',
  notInTrash: () => 'that board is not in the trash',
  noClearToUndo: () => 'there is no clear of this board to undo',
  boardInUse: ({ devices }) =>
    `${devices} ${devices === 1 ? 'device is' : 'devices are'} on this board: delete with ?close=1 to close it on them`,
  boardUnavailable: () => 'this board cannot be opened right now',
  noPicture: () => 'no picture of this board right now',
  noJoinCode: () => 'no board has this code; check the code shown on the table',
  noExhibit: () => 'no such exhibit',
  exhibitNeedsTitle: () => 'an exhibit needs a title',
  exhibitsFixed: () => 'exhibits cannot be changed once saved',
  noTable: () => 'no such table',
  noImage: () => 'no such image',
  tooManyImages: () => 'too many images at once; wait a moment',
  emptyUpload: () => 'the upload is empty',
  imageTooLarge: ({ mib }) => `the image is larger than ${mib.toFixed(1)} MiB; use a smaller photo`,
  notAnImage: () =>
    'only PNG, JPEG, GIF and WebP images can go on a board; this file is none of them',
  noTemplate: () => 'there is no routine with that id',
  noSavedTemplate: () => 'there is no saved template with that id',
  builtInRoutine: () => 'the built-in routines cannot be deleted',
  noRun: () => 'there is no group run with that id',
  notRunGroup: () => 'that board is not one of this run’s groups',
  phaseCount: ({ max }) => `phaseSeconds takes up to ${max} lengths, one per phase`,
  phaseSeconds: ({ min, max }) =>
    `each phase lasts ${min} to ${max} whole seconds (or null for no timer)`,
  noDotVote: () => 'this routine has no dot-vote',
  votesPerPerson: ({ min, max }) => `votesPerParticipant is a whole number from ${min} to ${max}`,
};

/** A refusal in English, as the `error` of an HTTP answer and in the server's log. */
export function httpRefusalEnglish(refusal: HttpRefusal): string {
  return (ENGLISH[refusal.code] as (value: HttpRefusal) => string)(refusal);
}

/** The body of every refused HTTP request. */
export type HttpErrorBody = { error: string; refusal: HttpRefusal };

export const httpErrorBody = (refusal: HttpRefusal): HttpErrorBody => ({
  error: httpRefusalEnglish(refusal),
  refusal,
});

/**
 * The refusal in an HTTP answer's body; `unknown` when it carries none this device knows (an
 * older or newer server, or a proxy's page).
 */
export function refusalOfBody(body: unknown): AnyRefusal {
  const refusal = (body as { refusal?: unknown } | null)?.refusal;
  const parsed = anyRefusalSchema.safeParse(refusal);
  return parsed.success ? parsed.data : { code: 'unknown' };
}
