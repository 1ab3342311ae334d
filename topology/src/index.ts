export * from './model/inventory.model';
export * from './model/demo-network.model';
