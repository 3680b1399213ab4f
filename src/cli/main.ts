#!/usr/bin/env node
import { exitFor } from './exit-status';
import { guardProcess, processIo } from './io';
import { runCli } from './run';

guardProcess((e) => exitFor(e).line);
void runCli(process.argv.slice(2), processIo()).then((code) => {
  if (code !== undefined) process.exitCode = code;
});
