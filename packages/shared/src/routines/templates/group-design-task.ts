import type { Locale } from '../../i18n/locales';
import { blueprint, type RoutineTemplate } from '../template';

const { area, note, text } = blueprint;

/** The template's words in each language. */
const WORDS: Record<
  Locale,
  {
    title: string;
    summary: string;
    phases: [name: string, instruction: string][];
    prompt: [label: string, fallback: string];
    notes: string[];
    drawHere: string;
  }
> = {
  en: {
    title: 'Group design task',
    summary: 'A design brief with prompt boxes and a big drawing area.',
    phases: [
      ['Plan', 'Answer the prompts together.'],
      ['Draw', 'Draw your design in the big box.'],
      ['Present', 'Show your design to the class.'],
    ],
    prompt: ['The task', 'Create a Super Digital Superhero'],
    notes: [
      'Describe its characteristics',
      'What are its superpowers?',
      'Who does it help, and how?',
    ],
    drawHere: 'Draw it here',
  },
  es: {
    title: 'Tarea de diseño en grupo',
    summary: 'Un encargo de diseño con casillas de preguntas y una gran zona para dibujar.',
    phases: [
      ['Planear', 'Responded juntos a las preguntas.'],
      ['Dibujar', 'Dibujad vuestro diseño en el recuadro grande.'],
      ['Presentar', 'Mostrad vuestro diseño a la clase.'],
    ],
    prompt: ['La tarea', 'Crea un Súper Superhéroe Digital'],
    notes: [
      'Describe sus características',
      '¿Cuáles son sus superpoderes?',
      '¿A quién ayuda y cómo?',
    ],
    drawHere: 'Dibújalo aquí',
  },
  fr: {
    title: 'Projet de design en groupe',
    summary: 'Une consigne de design avec des cases de questions et une grande zone de dessin.',
    phases: [
      ['Préparer', 'Répondez ensemble aux questions.'],
      ['Dessiner', 'Dessinez votre idée dans le grand cadre.'],
      ['Présenter', 'Montrez votre idée à la classe.'],
    ],
    prompt: ['La consigne', 'Invente un Super Super-héros numérique'],
    notes: [
      'Décris ses caractéristiques',
      'Quels sont ses super-pouvoirs ?',
      'Qui aide-t-il, et comment ?',
    ],
    drawHere: 'Dessine-le ici',
  },
  ar: {
    title: 'مهمة تصميم جماعية',
    summary: 'مهمة تصميم مع مربعات أسئلة ومساحة كبيرة للرسم.',
    phases: [
      ['خطّط', 'أجيبوا عن الأسئلة معًا.'],
      ['ارسم', 'ارسموا تصميمكم في المربع الكبير.'],
      ['اعرض', 'اعرضوا تصميمكم على الصف.'],
    ],
    prompt: ['المهمة', 'اصنع بطلًا خارقًا رقميًا'],
    notes: ['صِف خصائصه', 'ما قواه الخارقة؟', 'من يساعد، وكيف؟'],
    drawHere: 'ارسمه هنا',
  },
};

const NOTE_COLOURS = ['#fde68a', '#bbf7d0', '#bae6fd'];
const SECONDS = [300, 600, null];

export function groupDesignTask(locale: Locale): RoutineTemplate {
  const words = WORDS[locale];
  return {
    id: 'group-design-task',
    title: words.title,
    summary: words.summary,
    phases: words.phases.map(([name, instruction], i) => ({
      name,
      instruction,
      seconds: SECONDS[i] ?? null,
    })),
    votesPerParticipant: null,
    prompt: { label: words.prompt[0], default: words.prompt[1] },
    content: (prompt) => [
      text(-1500, -820, 3000, prompt, 112, '#7c2d12'),
      ...words.notes.map((words, i) => note(-1500, -540 + i * 380, words, NOTE_COLOURS[i]!)),
      area(-1100, -540, 2600, 1100, '#ea580c', '#fff7ed'),
      text(-1060, -500, 2500, words.drawHere, 56, '#c2410c'),
    ],
  };
}
