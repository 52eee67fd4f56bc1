import type { Locale } from '../../i18n/locales';
import { blueprint, type RoutineTemplate } from '../template';

const { area, text } = blueprint;

/** Dots each person places in the vote phase. */
const DOTS = 3;

/** The template's words in each language. */
const WORDS: Record<
  Locale,
  {
    title: string;
    summary: string;
    phases: [name: string, instruction: string][];
    prompt: [label: string, fallback: string];
    answersHint: string;
  }
> = {
  en: {
    title: 'Question poster',
    summary: 'One big question: everyone answers with notes, then votes with dots.',
    phases: [
      ['Answer', 'Add a sticky note with your answer.'],
      ['Vote', 'Tap the dot on the answers you agree with.'],
      ['Talk', 'Which answers won? Why?'],
    ],
    prompt: ['The question', 'My preferred social media platform is…'],
    answersHint: `Answers go here. Then everyone gets ${DOTS} dots to vote.`,
  },
  es: {
    title: 'Póster de preguntas',
    summary: 'Una gran pregunta: todos responden con notas y luego votan con puntos.',
    phases: [
      ['Responder', 'Añade una nota adhesiva con tu respuesta.'],
      ['Votar', 'Toca el punto en las respuestas con las que estás de acuerdo.'],
      ['Hablar', '¿Qué respuestas ganaron? ¿Por qué?'],
    ],
    prompt: ['La pregunta', 'Mi red social preferida es…'],
    answersHint: `Las respuestas van aquí. Luego cada uno tiene ${DOTS} puntos para votar.`,
  },
  fr: {
    title: 'Affiche à questions',
    summary: 'Une grande question : chacun répond avec des notes, puis vote avec des points.',
    phases: [
      ['Répondre', 'Ajoute une note avec ta réponse.'],
      ['Voter', 'Touche le point sur les réponses avec lesquelles tu es d’accord.'],
      ['Discuter', 'Quelles réponses ont gagné ? Pourquoi ?'],
    ],
    prompt: ['La question', 'Mon réseau social préféré est…'],
    answersHint: `Les réponses vont ici. Ensuite, chacun a ${DOTS} points pour voter.`,
  },
  ar: {
    title: 'ملصق الأسئلة',
    summary: 'سؤال كبير واحد: يجيب الجميع بملاحظات، ثم يصوّتون بالنقاط.',
    phases: [
      ['أجب', 'أضف ملاحظة لاصقة بإجابتك.'],
      ['صوّت', 'المس النقطة على الإجابات التي توافق عليها.'],
      ['ناقش', 'أي الإجابات فازت؟ ولماذا؟'],
    ],
    prompt: ['السؤال', 'منصة التواصل الاجتماعي المفضلة لدي هي…'],
    answersHint: `توضع الإجابات هنا. ثم يحصل كل واحد على ${DOTS} نقاط للتصويت.`,
  },
};

const PHASES = [{ seconds: 180 }, { seconds: 120, votes: true }, { seconds: null }] as const;

export function questionPoster(locale: Locale): RoutineTemplate {
  const words = WORDS[locale];
  return {
    id: 'question-poster',
    title: words.title,
    summary: words.summary,
    phases: words.phases.map(([name, instruction], i) => ({ name, instruction, ...PHASES[i]! })),
    votesPerParticipant: DOTS,
    prompt: { label: words.prompt[0], default: words.prompt[1] },
    content: (prompt) => [
      text(-1500, -800, 3000, prompt, 128, '#1e3a8a'),
      area(-1500, -480, 3000, 1160, '#2563eb', '#eff6ff'),
      text(-1460, -440, 2900, words.answersHint, 36, '#475569'),
    ],
  };
}
