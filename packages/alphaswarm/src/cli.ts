#!/usr/bin/env node
console.log('alphaswarm');
