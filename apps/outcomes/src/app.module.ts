import { Module } from '@nestjs/common';
import { ServiceRuntimeModule } from '@alongside/platform/service-runtime';

@Module({
  imports: [ServiceRuntimeModule.forRoot({ context: 'outcomes' })],
})
export class OutcomesAppModule {}
