import { roundTripProperty } from './round-trip-property.js';

roundTripProperty(228, 2502);
