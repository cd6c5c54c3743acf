// Loading Kafka's classes is most of the broker's start-up. Java's AppCDS maps them pre-parsed from
// an archive that the first clean broker shutdown writes. Measured on 2 busy cores: 5.6 s -> 2.8 s
// and 8.8 s -> 5.2 s from JVM launch to "Kafka Server started". The archive only fits the JDK build
// and jar paths it was written with; anything else makes the JVM reject it (see checkBrokerOutput).
import fs from 'node:fs';
import path from 'node:path';

export type ClassDataSharing = {
  jvmOptions: string[];
  /** Call with the broker's output once it is up. */
  checkBrokerOutput(output: string): void;
};

/** A broker writing the archive needs longer to exit: seconds on an idle machine, 20+ s on a busy one. */
export const writesArchiveAtExit = (commandLine: string): boolean =>
  commandLine.includes('-XX:ArchiveClassesAtExit');

export const classDataSharing = (libs: string): ClassDataSharing => {
  const archive = path.join(path.dirname(libs), 'classes.jsa');
  if (!fs.existsSync(archive)) {
    // A CI machine is usually thrown away after one run: writing an archive there only slows the stop.
    const jvmOptions = process.env.CI ? [] : [`-XX:ArchiveClassesAtExit=${archive}`];
    return { jvmOptions, checkBrokerOutput: () => undefined };
  }
  return {
    jvmOptions: [`-XX:SharedArchiveFile=${archive}`],
    // A JVM that cannot use the archive (another JDK build, a dump cut short) warns and starts
    // without it; dropping the archive lets the next clean shutdown write a fresh one.
    checkBrokerOutput: (output) => {
      if (/\[warning\]\[cds/.test(output)) fs.rmSync(archive, { force: true });
    },
  };
};
