package uk.yourarea.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.context.ApplicationEventPublisher;

import uk.yourarea.coverage.PostcodeImporter;
import uk.yourarea.web.PublicContentChanged;

import static org.assertj.core.api.Assertions.assertThat;

/** Postcodes the demo data lacks, for tests that need them. */
public final class TestPostcodes {

	/**
	 * A postcode Royal Mail stopped using in June 1996 (ONSPD {@code doterm} 199606). The
	 * demo data has no terminated postcodes.
	 */
	public static final String TERMINATED = "AB1 0AA";

	/**
	 * The ONS Postcode Directory header and its AB1 0AA line, as postcodes.io publishes
	 * them.
	 */
	private static final String ONSPD_WITH_TERMINATED_POSTCODE = "pcd7,pcd8,pcds,dointr,doterm,oscty,ced,oslaua,osward,"
			+ "parish,usertype,oseast1m,osnrth1m,osgrdind,oshlthau,nhser,ctry,rgn,streg,pcon,eer,teclec,ttwa,pct,itl,"
			+ "statsward,oa01,casward,npark,lsoa01,msoa01,ur01ind,oac01,oa11,lsoa11,msoa11,wz11,sicbl,bua11,ru11ind,"
			+ "oac11,lat,long,lep1,lep2,pfa,imd,calncv,icb,oa21,lsoa21,msoa21\n"
			+ "AB1 0AA,AB1  0AA,AB1 0AA,198001,199606,S99999999,S99999999,S12000033,S13002843,S99999999,0,385386,"
			+ "0801193,1,S08000020,S99999999,S92000003,S99999999,0,S14000061,S15000001,S09000001,S22000047,S03000012,"
			+ "S30000026,99ZZ00,S00001364,01C30,S99999999,S01000011,S02000007,6,3C2,S00090303,S01006514,S02001237,"
			+ "S34002990,S03000012,,3,1C3,57.101474,-2.242851,S99999999,,S23000009,6715,S99999999,S99999999,S00137176,,\n";

	private TestPostcodes() {
	}

	/**
	 * Announces a change of coverage, as the site's own writers of postcodes and
	 * neighbourhoods do, after a test has changed them by SQL: the postcode lookup's kept
	 * answers, the map shapes and the kept pages are forgotten.
	 */
	public static void changedBySql(ApplicationEventPublisher events) {
		events.publishEvent(new PublicContentChanged("coverage", 0, null));
	}

	/** Imports {@link #TERMINATED}; importing it again changes nothing. */
	public static void importTerminatedPostcode(PostcodeImporter importer) {
		PostcodeImporter.Report report = importer
			.importFrom(new ByteArrayInputStream(ONSPD_WITH_TERMINATED_POSTCODE.getBytes(StandardCharsets.UTF_8)));
		assertThat(report.imported()).as("postcodes imported from the ONSPD sample").isEqualTo(1);
		assertThat(report.rejectedLines()).as("lines rejected from the ONSPD sample: %s", report.rejections()).isZero();
	}

}
