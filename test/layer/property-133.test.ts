import { roundTripProperty } from './round-trip-property.js';

roundTripProperty(133, 1377);
