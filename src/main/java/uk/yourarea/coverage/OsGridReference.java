package uk.yourarea.coverage;

/**
 * Converts an Ordnance Survey National Grid reference (OSGB36 eastings and northings, as
 * in Code-Point Open) to WGS84 latitude and longitude: the inverse Transverse Mercator
 * projection on the Airy 1830 ellipsoid, then a seven-parameter Helmert transformation to
 * WGS84. Good to a few metres across Great Britain, which is plenty for a postcode
 * centroid (OSTN15 would give centimetres).
 */
final class OsGridReference {

	record LatLong(double latitude, double longitude) {
	}

	// Airy 1830 ellipsoid and the National Grid's true origin
	private static final double AIRY_A = 6377563.396;

	private static final double AIRY_B = 6356256.909;

	private static final double SCALE = 0.9996012717;

	private static final double LAT0 = Math.toRadians(49);

	private static final double LON0 = Math.toRadians(-2);

	private static final double N0 = -100000;

	private static final double E0 = 400000;

	// GRS80 (WGS84) ellipsoid
	private static final double GRS80_A = 6378137.0;

	private static final double GRS80_B = 6356752.3141;

	// OSGB36 to WGS84: translations in metres, scale in parts per million, rotations in
	// arc seconds
	private static final double TX = 446.448;

	private static final double TY = -125.157;

	private static final double TZ = 542.060;

	private static final double S = -20.4894e-6;

	private static final double RX = Math.toRadians(0.1502 / 3600);

	private static final double RY = Math.toRadians(0.2470 / 3600);

	private static final double RZ = Math.toRadians(0.8421 / 3600);

	private OsGridReference() {
	}

	static LatLong toWgs84(double easting, double northing) {
		double[] osgb36 = gridToLatLong(easting, northing);
		double[] cartesian = toCartesian(osgb36[0], osgb36[1], AIRY_A, AIRY_B);
		double x = cartesian[0];
		double y = cartesian[1];
		double z = cartesian[2];
		double x2 = TX + (1 + S) * x - RZ * y + RY * z;
		double y2 = TY + RZ * x + (1 + S) * y - RX * z;
		double z2 = TZ - RY * x + RX * y + (1 + S) * z;
		double[] wgs84 = toLatLong(x2, y2, z2, GRS80_A, GRS80_B);
		return new LatLong(Math.toDegrees(wgs84[0]), Math.toDegrees(wgs84[1]));
	}

	private static double[] gridToLatLong(double easting, double northing) {
		double a = AIRY_A;
		double b = AIRY_B;
		double e2 = 1 - (b * b) / (a * a);
		double n = (a - b) / (a + b);
		double lat = LAT0;
		double m = 0;
		do {
			lat = (northing - N0 - m) / (a * SCALE) + lat;
			m = meridionalArc(lat, n, b);
		}
		while (Math.abs(northing - N0 - m) >= 0.00001);
		double sinLat = Math.sin(lat);
		double nu = a * SCALE / Math.sqrt(1 - e2 * sinLat * sinLat);
		double rho = a * SCALE * (1 - e2) / Math.pow(1 - e2 * sinLat * sinLat, 1.5);
		double eta2 = nu / rho - 1;
		double tan = Math.tan(lat);
		double tan2 = tan * tan;
		double tan4 = tan2 * tan2;
		double tan6 = tan4 * tan2;
		double sec = 1 / Math.cos(lat);
		double vii = tan / (2 * rho * nu);
		double viii = tan / (24 * rho * Math.pow(nu, 3)) * (5 + 3 * tan2 + eta2 - 9 * tan2 * eta2);
		double ix = tan / (720 * rho * Math.pow(nu, 5)) * (61 + 90 * tan2 + 45 * tan4);
		double x = sec / nu;
		double xi = sec / (6 * Math.pow(nu, 3)) * (nu / rho + 2 * tan2);
		double xii = sec / (120 * Math.pow(nu, 5)) * (5 + 28 * tan2 + 24 * tan4);
		double xiia = sec / (5040 * Math.pow(nu, 7)) * (61 + 662 * tan2 + 1320 * tan4 + 720 * tan6);
		double de = easting - E0;
		double latitude = lat - vii * de * de + viii * Math.pow(de, 4) - ix * Math.pow(de, 6);
		double longitude = LON0 + x * de - xi * Math.pow(de, 3) + xii * Math.pow(de, 5) - xiia * Math.pow(de, 7);
		return new double[] { latitude, longitude };
	}

	private static double meridionalArc(double lat, double n, double b) {
		double n2 = n * n;
		double n3 = n2 * n;
		double dLat = lat - LAT0;
		double sLat = lat + LAT0;
		return b * SCALE
				* ((1 + n + 1.25 * n2 + 1.25 * n3) * dLat
						- (3 * n + 3 * n2 + 21.0 / 8 * n3) * Math.sin(dLat) * Math.cos(sLat)
						+ (15.0 / 8 * n2 + 15.0 / 8 * n3) * Math.sin(2 * dLat) * Math.cos(2 * sLat)
						- 35.0 / 24 * n3 * Math.sin(3 * dLat) * Math.cos(3 * sLat));
	}

	private static double[] toCartesian(double lat, double lon, double a, double b) {
		double e2 = 1 - (b * b) / (a * a);
		double sinLat = Math.sin(lat);
		double nu = a / Math.sqrt(1 - e2 * sinLat * sinLat);
		return new double[] { nu * Math.cos(lat) * Math.cos(lon), nu * Math.cos(lat) * Math.sin(lon),
				nu * (1 - e2) * sinLat };
	}

	private static double[] toLatLong(double x, double y, double z, double a, double b) {
		double e2 = 1 - (b * b) / (a * a);
		double p = Math.sqrt(x * x + y * y);
		double lat = Math.atan2(z, p * (1 - e2));
		for (int i = 0; i < 10; i++) {
			double sinLat = Math.sin(lat);
			double nu = a / Math.sqrt(1 - e2 * sinLat * sinLat);
			lat = Math.atan2(z + e2 * nu * sinLat, p);
		}
		return new double[] { lat, Math.atan2(y, x) };
	}

}
