import 'reflect-metadata';
import { runService } from '@alongside/platform/service-runtime';
import { SessionsAppModule } from './app.module';

void runService(SessionsAppModule.forRoot() as never);
