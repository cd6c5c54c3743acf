import 'reflect-metadata';
import { runService } from '@alongside/platform/service-runtime';
import { MentoringAppModule } from './app.module';

void runService(MentoringAppModule.forRoot() as never);
