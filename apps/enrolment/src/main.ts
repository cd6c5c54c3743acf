import 'reflect-metadata';
import { runService } from '@alongside/platform/service-runtime';
import { EnrolmentAppModule } from './app.module';

void runService(EnrolmentAppModule);
