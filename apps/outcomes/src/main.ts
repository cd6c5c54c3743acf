import 'reflect-metadata';
import { runService } from '@alongside/platform/service-runtime';
import { OutcomesAppModule } from './app.module';

void runService(OutcomesAppModule.forRoot() as never);
