/** The TL schema language as data: what the parser builds and the printer prints. */

/** Where a piece of schema text starts: 1-based line and column. */
export interface SourcePos {
  file: string;
  line: number;
  column: number;
}

/**
 * A type expression: `InputPeer`, `%Message`, `Vector<long>`, `vector long`, `X`, `#`.
 * `bare` is set for `%T` and for names that start with a lower-case letter (TL's bare types).
 */
export interface TypeRef {
  name: string;
  /** Written with `%`. */
  percent: boolean;
  args: TypeRef[];
  /** Args written in angle brackets (`Vector<long>`) rather than by juxtaposition (`Vector t`). */
  angle: boolean;
}

/** `flags.0` in `dark:flags.0?true`: the `#` field and the bit it tests. */
export interface FlagRef {
  field: string;
  bit: number;
}

/** One field of a combinator: `peer:InputPeer`, `dark:flags.0?true`, `query:!X`, or an anonymous `#`. */
export interface FieldParam {
  kind: 'field';
  /** Empty for an anonymous field such as the `#` in `vector {t:Type} # [ t ]`. */
  name: string;
  type: TypeRef;
  flag?: FlagRef;
  /** `!X`: the field holds a function call whose result type is X. */
  excl: boolean;
  pos: SourcePos;
}

/** A repetition `[ t ]` or `4*[ int ]`, seen only in builtin lines. */
export interface RepeatParam {
  kind: 'repeat';
  name: string;
  multiplicity?: string;
  params: Param[];
  pos: SourcePos;
}

export type Param = FieldParam | RepeatParam;

/** `{X:Type}`: a type variable of a combinator. */
export interface GenericParam {
  name: string;
  type: string;
}

export type Section = 'types' | 'functions';

/** One schema line: a constructor (section types) or a function (section functions). */
export interface Combinator {
  /** Full name with namespace: `messages.getStatsURL`. */
  name: string;
  /** The declared `#id`, if any. */
  id?: number;
  /** The id as written (`#dae54f8` keeps its missing zero). */
  idText?: string;
  generics: GenericParam[];
  params: Param[];
  /** `int ? = Int;`: a builtin declared by its size alone. */
  questionMark: boolean;
  result: TypeRef;
  section: Section;
  pos: SourcePos;
}

export interface SchemaFile {
  file: string;
  combinators: Combinator[];
}

/** A schema file as read: its name (as positions show it) and its text. */
export interface SchemaText {
  file: string;
  text: string;
}
