import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { ActiveProjections } from '../active-projections';
import { ProjectionRunner, type ProjectionRunnerOptions } from '../projection-runner';
import { ProjectionsHealthIndicator } from './projections.health';

export type ProjectionsModuleOptions = Readonly<{
  imports?: ModuleMetadata['imports'];
  inject?: InjectionToken[];
  /** Receives the `inject` tokens' values, in order. */
  useFactory: (...dependencies: never[]) => ProjectionRunnerOptions | Promise<ProjectionRunnerOptions>;
}>;

/**
 * Starts the runner once the app is up (rebuilds run in the background; readiness reports them)
 * and lets each projection's in-flight batch commit or roll back on shutdown.
 */
@Injectable()
export class ProjectionsLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(@Inject(ProjectionRunner) private readonly runner: ProjectionRunner) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}

/**
 * Runs a service's projections in-process and gives its query handlers `ActiveProjections`.
 * A service that runs them as a process of their own (`ROLE=projections`) uses `runProjections`
 * there and imports only `ActiveProjections` in its HTTP replicas.
 */
@Module({})
export class ProjectionsModule {
  static forRootAsync(options: ProjectionsModuleOptions): DynamicModule {
    return {
      module: ProjectionsModule,
      imports: [...(options.imports ?? []), TerminusModule],
      providers: [
        {
          provide: ProjectionRunner,
          inject: options.inject ?? [],
          useFactory: async (...dependencies: unknown[]) => new ProjectionRunner(
            await (options.useFactory as (...values: unknown[]) => Promise<ProjectionRunnerOptions>)(...dependencies),
          ),
        },
        { provide: ActiveProjections, inject: [DataSource], useFactory: (dataSource: DataSource) => new ActiveProjections(dataSource) },
        ProjectionsLifecycle,
        ProjectionsHealthIndicator,
      ],
      exports: [ProjectionRunner, ActiveProjections, ProjectionsHealthIndicator],
    };
  }
}
