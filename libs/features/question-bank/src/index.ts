export { QuestionBankModule } from './lib/question-bank.module';
export { blankQuestionnaire, BlankQuestionnaireView } from './lib/blank-questionnaire';
export { BlankQuestionnairePrinter } from './lib/blank-questionnaire-printer';
