import { Module } from '@nestjs/common';
import { PdfRenderingModule } from '@probity/pdf-rendering';
import { BlankQuestionnairePrinter } from './blank-questionnaire-printer';
import { QuestionBankController } from './question-bank.controller';

@Module({
  imports: [PdfRenderingModule],
  controllers: [QuestionBankController],
  providers: [BlankQuestionnairePrinter],
  exports: [BlankQuestionnairePrinter],
})
export class QuestionBankModule {}
