import type { Locale } from '../../i18n/locales';
import { blueprint, type Column, type RoutineTemplate } from '../template';

const { area, column, text } = blueprint;

/** The template's words in each language (the layout below is the same for all). */
const WORDS: Record<
  Locale,
  {
    title: string;
    summary: string;
    columns: [label: string, hint: string][];
    phases: [name: string, instruction: string][];
    prompt: [label: string, fallback: string];
    pictureHint: string;
  }
> = {
  en: {
    title: 'See – Think – Wonder',
    summary: 'Look closely at a picture, then say what you see, think and wonder.',
    columns: [
      ['I see…', 'What do you notice? Only what is there.'],
      ['I think…', 'What do you think is going on?'],
      ['I wonder…', 'What questions does it raise?'],
    ],
    phases: [
      ['See', 'Look closely. Write what you see.'],
      ['Think', 'What do you think is going on?'],
      ['Wonder', 'What does it make you wonder?'],
    ],
    prompt: ['What are we looking at?', 'Look at the picture together'],
    pictureHint: 'Put the picture here: use the picture button, or drop a photo.',
  },
  es: {
    title: 'Veo – Pienso – Me pregunto',
    summary: 'Mirad bien una imagen y decid qué veis, qué pensáis y qué os preguntáis.',
    columns: [
      ['Veo…', '¿Qué observas? Solo lo que está ahí.'],
      ['Pienso…', '¿Qué crees que está pasando?'],
      ['Me pregunto…', '¿Qué preguntas te surgen?'],
    ],
    phases: [
      ['Ver', 'Mira con atención. Escribe lo que ves.'],
      ['Pensar', '¿Qué crees que está pasando?'],
      ['Preguntarse', '¿Qué te hace preguntarte?'],
    ],
    prompt: ['¿Qué estamos mirando?', 'Mirad la imagen juntos'],
    pictureHint: 'Pon la imagen aquí: usa el botón de imagen o suelta una foto.',
  },
  fr: {
    title: 'Je vois – Je pense – Je me demande',
    summary: 'Observer une image, puis dire ce qu’on voit, ce qu’on pense et ce qu’on se demande.',
    columns: [
      ['Je vois…', 'Que remarques-tu ? Seulement ce qui est là.'],
      ['Je pense…', 'Que se passe-t-il, d’après toi ?'],
      ['Je me demande…', 'Quelles questions cela soulève-t-il ?'],
    ],
    phases: [
      ['Voir', 'Regarde attentivement. Écris ce que tu vois.'],
      ['Penser', 'Que se passe-t-il, d’après toi ?'],
      ['Se demander', 'Qu’est-ce que cela te fait te demander ?'],
    ],
    prompt: ['Que regardons-nous ?', 'Regardez l’image ensemble'],
    pictureHint: 'Mets l’image ici : utilise le bouton image, ou dépose une photo.',
  },
  ar: {
    title: 'أرى – أفكر – أتساءل',
    summary: 'تأمّلوا صورة عن قرب، ثم قولوا ماذا ترون وبماذا تفكرون وعمّ تتساءلون.',
    columns: [
      ['أرى…', 'ماذا تلاحظ؟ فقط ما هو موجود.'],
      ['أفكر…', 'ماذا تظن أنه يحدث؟'],
      ['أتساءل…', 'ما الأسئلة التي تثيرها؟'],
    ],
    phases: [
      ['أرى', 'انظر بتمعّن. اكتب ما تراه.'],
      ['أفكر', 'ماذا تظن أنه يحدث؟'],
      ['أتساءل', 'ماذا يجعلك تتساءل؟'],
    ],
    prompt: ['إلى ماذا ننظر؟', 'انظروا إلى الصورة معًا'],
    pictureHint: 'ضع الصورة هنا: استخدم زر الصورة أو أفلت صورة.',
  },
};

const COLOURS: Pick<Column, 'stroke' | 'fill'>[] = [
  { stroke: '#0284c7', fill: '#e0f2fe' },
  { stroke: '#d97706', fill: '#fef3c7' },
  { stroke: '#7c3aed', fill: '#ede9fe' },
];
const SECONDS = [120, 120, 120];

export function seeThinkWonder(locale: Locale): RoutineTemplate {
  const words = WORDS[locale];
  const columns: Column[] = words.columns.map(([label, hint], i) => ({
    label,
    hint,
    ...COLOURS[i]!,
  }));
  return {
    id: 'see-think-wonder',
    title: words.title,
    summary: words.summary,
    phases: words.phases.map(([name, instruction], i) => ({
      name,
      instruction,
      seconds: SECONDS[i]!,
    })),
    votesPerParticipant: null,
    prompt: { label: words.prompt[0], default: words.prompt[1] },
    content: (prompt) => [
      area(-1500, -560, 900, 1120, '#475569', '#f8fafc'),
      text(-1460, -520, 820, prompt, 56),
      text(-1460, 380, 820, words.pictureHint, 32, '#64748b'),
      ...columns.flatMap((c, i) => column(-520 + i * 700, -560, 660, 1120, c)),
    ],
  };
}
