import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { runService } from '@alongside/platform/service-runtime';
import { EnrolmentAppModule } from './app.module';

@Module({ imports: [EnrolmentAppModule.forRoot()] })
class EnrolmentApp {}

void runService(EnrolmentApp);
