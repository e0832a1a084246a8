// Runs every benchmark in this folder in turn.
import './backtest.js';
