import LongarmCLI

await LongarmCommand.runAsMain()
