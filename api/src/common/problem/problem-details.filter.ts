import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';

import { PROBLEM_CONTENT_TYPE, type ProblemDetails, problemType } from './problem-details';
import { RequestValidationException } from './request-validation.exception';

const SLUGS: Partial<Record<number, string>> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable-content',
  429: 'too-many-requests',
  500: 'internal-error',
  503: 'service-unavailable',
};

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * Renders every error as RFC 9457 problem details. A server error says nothing
 * about its cause to the client (it is logged instead): no stack, no driver message.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const problem = this.toProblem(exception, req);
    if (problem.status >= 500) {
      this.logger.error({ err: exception, instance: problem.instance }, 'request failed');
    }
    if (res.headersSent) {
      return;
    }
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, req: Request): ProblemDetails {
    const instance = (req.originalUrl ?? req.url ?? '').split('?')[0] ?? '';
    if (exception instanceof RequestValidationException) {
      return {
        type: problemType('validation-error'),
        title: 'Invalid request',
        status: HttpStatus.BAD_REQUEST,
        detail: exception.message,
        instance,
        errors: exception.errors,
      };
    }
    // Express' body parser signals malformed JSON with a plain error carrying a status.
    const status =
      exception instanceof HttpException
        ? exception.getStatus()
        : (statusOfParserError(exception) ?? 500);
    const slug = SLUGS[status] ?? (status >= 500 ? 'internal-error' : 'client-error');
    const title = TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
    let detail: string;
    if (status >= 500) {
      detail =
        status === 503
          ? 'The service is temporarily unavailable.'
          : 'An unexpected error occurred.';
    } else if (exception instanceof HttpException) {
      detail = detailOf(exception);
    } else {
      detail = 'The request body could not be parsed.';
    }
    return { type: problemType(slug), title, status, detail, instance };
  }
}

function detailOf(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === 'string') {
    return body;
  }
  const message = (body as { message?: unknown }).message;
  if (typeof message === 'string') {
    return message;
  }
  if (Array.isArray(message)) {
    return message.map(String).join('; ');
  }
  return exception.message;
}

function statusOfParserError(exception: unknown): number | undefined {
  if (
    typeof exception === 'object' &&
    exception !== null &&
    'type' in exception &&
    'status' in exception
  ) {
    const status = (exception as { status: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return status;
    }
  }
  return undefined;
}
