import { Controller, Get, Render } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

@ApiExcludeController()
@Controller()
export class HomeController {
  @Get()
  @Render('home')
  home(): { title: string } {
    return { title: 'Responsible-AI procurement' };
  }
}
