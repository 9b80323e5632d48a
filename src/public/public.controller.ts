import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/roles.decorator.js';
import { AppError } from '../common/app-error.js';
import { CommonErrorCode } from '../common/error-codes.js';
import { prefersJson } from './content-negotiation.js';
import { languageFromAcceptLanguage } from './i18n/translations.js';
import { PublicStatusService } from './public-status.service.js';
import { renderNotFoundPage, renderStatusPage } from './status-page.html.js';

const HTML = 'text/html; charset=utf-8';

@ApiTags('customer')
@Controller('public/complaints')
export class PublicController {
  constructor(private readonly status: PublicStatusService) {}

  @Get(':token')
  @Public()
  @ApiOperation({
    summary: "The customer's status page: progress, next step, expected date, owning team, public timeline",
    description: 'An HTML page for browsers; JSON for `Accept: application/json`. In the customer\'s language, English otherwise.',
  })
  @ApiProduces('text/html', 'application/json')
  @ApiOkResponse({ description: 'The status page' })
  @ApiNotFoundResponse({ description: 'An unknown or malformed status link (the same answer for both)' })
  async get(
    @Param('token') token: string,
    @Headers('accept') accept: string | undefined,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // The page changes with every step and the link is a credential: no cache may keep it. Set before anything can
    // throw, so the error answers carry it too.
    void reply.header('cache-control', 'no-store').header('vary', 'Accept, Accept-Language');
    if (prefersJson(accept)) {
      const { view } = await this.status.forToken(token);
      void reply.send(view);
      return;
    }
    try {
      const { view, timeZone } = await this.status.forToken(token);
      void reply.header('content-type', HTML).send(renderStatusPage(view, { timeZone, actionBase: `/public/complaints/${token}` }));
    } catch (error) {
      if (!(error instanceof AppError && error.code === CommonErrorCode.NOT_FOUND)) throw error;
      void reply.status(404).header('content-type', HTML).send(renderNotFoundPage(languageFromAcceptLanguage(acceptLanguage)));
    }
  }
}
