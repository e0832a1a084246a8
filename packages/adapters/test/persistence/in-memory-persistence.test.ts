import { InMemoryPersistence } from '@alphaswarm/core';
import { persistenceContract } from '../support/persistence-contract.js';

persistenceContract('InMemoryPersistence', async ({ clock, idGenerator }) => new InMemoryPersistence({ clock, idGenerator }));
