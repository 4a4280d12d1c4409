export { GatewaySimulator, startGatewaySimulator, type GatewaySimulatorOptions } from './gateway-simulator';
export type { ScriptedBehaviour, SimulatedPayment, SimulatorEndpoint } from './simulated-payment';
