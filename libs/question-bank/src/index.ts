export { QuestionBankModule } from './lib/question-bank.module';
