// Preloaded into Azurite with `node --require`: its stdin is a pipe from the .NET process that started it,
// and the pipe closes when that process ends in any way (even killed), so Azurite never outlives it.
// unref: reading stdin must not keep Azurite running once it has closed itself (on SIGTERM).
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
process.stdin.unref();
