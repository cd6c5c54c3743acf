// server.properties for one node that is both KRaft controller and broker, tuned for a laptop or a
// CI machine: one replica of everything, topics created on first use, no waiting before rebalances.

export type BrokerAddress = { brokerPort: number; controllerPort: number; logDir: string };

export const serverProperties = ({ brokerPort, controllerPort, logDir }: BrokerAddress): string =>
  [
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@127.0.0.1:${controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${brokerPort},CONTROLLER://127.0.0.1:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${brokerPort}`,
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${logDir}`,
    // Services and tests name their topics and expect them to exist on first produce/subscribe.
    'auto.create.topics.enable=true',
    'num.partitions=1',
    'default.replication.factor=1',
    // A single broker cannot hold the default 3 replicas of the internal topics.
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    // 50 partitions (the default) makes the first consumer group wait for 50 leaders.
    'offsets.topic.num.partitions=10',
    'transaction.state.log.num.partitions=10',
    // The default 3 s delay would add 3 s to every test that starts a consumer group.
    'group.initial.rebalance.delay.ms=0',
    '',
  ].join('\n');
