/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

#include "model/nr/nr-band-profile.h"

#include <cmath>

namespace ns3
{
namespace blueprint
{

namespace
{

// --- 3GPP operating bands: TS 38.101-1 Table 5.2-1 (FR1), TS 38.101-2 Table 5.2-1 (FR2); all TDD.
constexpr double N77_LOW_HZ = 3300e6;    //!< n77: 3300-4200 MHz
constexpr double N77_HIGH_HZ = 4200e6;   //!< n77 upper edge
constexpr double N78_LOW_HZ = 3300e6;    //!< n78: 3300-3800 MHz
constexpr double N78_HIGH_HZ = 3800e6;   //!< n78 upper edge
constexpr double N79_LOW_HZ = 4400e6;    //!< n79: 4400-5000 MHz
constexpr double N79_HIGH_HZ = 5000e6;   //!< n79 upper edge
constexpr double N257_LOW_HZ = 26500e6;  //!< n257: 26500-29500 MHz
constexpr double N257_HIGH_HZ = 29500e6; //!< n257 upper edge

/// Widest channel of n77/n78/n79 at 30 kHz SCS: 100 MHz (TS 38.101-1 Table 5.3.5-1); every
/// block MIC assigned in these bands is 100 MHz wide.
constexpr double FR1_CARRIER_HZ = 100e6;
/// Widest channel of n257 at 120 kHz SCS: 400 MHz (TS 38.101-2 Table 5.3.5-1); MIC's 28 GHz
/// blocks are 400 MHz wide.
constexpr double FR2_CARRIER_HZ = 400e6;
/// 30 kHz SCS, the numerology of 100 MHz FR1 carriers (15 kHz stops at 50 MHz, TS 38.101-1
/// Table 5.3.2-1).
constexpr uint8_t MU_FR1 = 1;
/// 120 kHz SCS, the only FR2 data SCS that allows 400 MHz (TS 38.101-2 Table 5.3.2-1).
constexpr uint8_t MU_FR2 = 3;

/// FR1 TDD frame: TS 38.521-4 Table A.1.2-2 pattern FR1.30-4, "DDDSUUDDDD" with
/// S = 6D+4G+4U at 30 kHz. Assumption: that Japanese sub-6 GHz
/// networks, public and local, synchronise to this frame; verify against MIC's technical
/// conditions before relying on the DL/UL split.
const char* const FR1_TDD_PATTERN = "DDDSUUDDDD";
/// Special slot of FR1_TDD_PATTERN.
const char* const FR1_SPECIAL_SLOT = "6D+4G+4U";
/// FR2 TDD frame: "DDDSU" with S = 10D+2G+2U at 120 kHz (0.625 ms). Assumption: the 4:1 frame
/// common in FR2 deployments; not transcribed from a Japanese source.
const char* const FR2_TDD_PATTERN = "DDDSU";
/// Special slot of FR2_TDD_PATTERN.
const char* const FR2_SPECIAL_SLOT = "10D+2G+2U";

/// The band profiles. MIC's April 2019 5G assignment (開設指針, blocks as listed by
/// blogofmobile.com, articles 109248 and 112487): 3.7 GHz band 3600-4100 MHz in five 100 MHz
/// blocks (3600-3800 MHz may be n77 or n78, 3800-4100 MHz only n77), 4.5 GHz band 4500-4600 MHz
/// (n79), 28 GHz band 27.0-28.2 and 29.1-29.5 GHz in 400 MHz blocks (n257); 4600-4800 MHz and
/// 28.2-29.1 GHz set aside for private (local 5G) use. Local 5G: 28.2-28.3 GHz from December
/// 2019, extended to 28.3-29.1 GHz and 4.6-4.9 GHz after the July 2020 Information and
/// Communications Council report (MIC press release 2020-07-14).
std::vector<NrBandProfile>
MakeBandProfiles()
{
    std::vector<NrBandProfile> profiles;

    NrBandProfile p;
    p.name = "n77";
    p.operatingBand = "n77";
    p.frequencyHz = 3850e6;
    p.bandwidthHz = FR1_CARRIER_HZ;
    p.numerology = MU_FR1;
    p.fr2 = false;
    p.tdd = true;
    p.tddPattern = FR1_TDD_PATTERN;
    p.specialSlot = FR1_SPECIAL_SLOT;
    p.bandLowHz = N77_LOW_HZ;
    p.bandHighHz = N77_HIGH_HZ;
    p.allocationLowHz = 3800e6;
    p.allocationHighHz = 3900e6;
    p.source = "n77 3300-4200 MHz TDD (TS 38.101-1 Table 5.2-1); carrier on MIC's 2019 block "
               "3800-3900 MHz of the 3.7 GHz band (3600-4100 MHz; 3800-4100 MHz is n77 only); "
               "100 MHz at 30 kHz (TS 38.101-1 Table 5.3.5-1); TDD DDDSUUDDDD, S=6D+4G+4U "
               "(TS 38.521-4 FR1.30-4; Japanese use assumed)";
    profiles.push_back(p);

    p.name = "n78";
    p.operatingBand = "n78";
    p.frequencyHz = 3650e6;
    p.bandLowHz = N78_LOW_HZ;
    p.bandHighHz = N78_HIGH_HZ;
    p.allocationLowHz = 3600e6;
    p.allocationHighHz = 3700e6;
    p.source = "n78 3300-3800 MHz TDD (TS 38.101-1 Table 5.2-1); carrier on MIC's 2019 block "
               "3600-3700 MHz (n77 or n78), the 100 MHz n78 block nearest 3.5 GHz; "
               "100 MHz at 30 kHz (TS 38.101-1 Table 5.3.5-1); TDD DDDSUUDDDD, S=6D+4G+4U "
               "(TS 38.521-4 FR1.30-4; Japanese use assumed)";
    profiles.push_back(p);

    p.name = "n79";
    p.operatingBand = "n79";
    p.frequencyHz = 4550e6;
    p.bandLowHz = N79_LOW_HZ;
    p.bandHighHz = N79_HIGH_HZ;
    p.allocationLowHz = 4500e6;
    p.allocationHighHz = 4600e6;
    p.source = "n79 4400-5000 MHz TDD (TS 38.101-1 Table 5.2-1); carrier on MIC's 2019 block "
               "4500-4600 MHz (4.5 GHz band); 100 MHz at 30 kHz (TS 38.101-1 Table 5.3.5-1); "
               "TDD DDDSUUDDDD, S=6D+4G+4U (TS 38.521-4 FR1.30-4; Japanese use assumed)";
    profiles.push_back(p);

    p.name = "n257";
    p.operatingBand = "n257";
    p.frequencyHz = 28000e6;
    p.bandwidthHz = FR2_CARRIER_HZ;
    p.numerology = MU_FR2;
    p.fr2 = true;
    p.tddPattern = FR2_TDD_PATTERN;
    p.specialSlot = FR2_SPECIAL_SLOT;
    p.bandLowHz = N257_LOW_HZ;
    p.bandHighHz = N257_HIGH_HZ;
    p.allocationLowHz = 27800e6;
    p.allocationHighHz = 28200e6;
    p.source = "n257 26500-29500 MHz TDD (TS 38.101-2 Table 5.2-1); carrier on MIC's 2019 block "
               "27.8-28.2 GHz of the 28 GHz band; 400 MHz at 120 kHz (TS 38.101-2 Table "
               "5.3.5-1); TDD DDDSU, S=10D+2G+2U (assumption)";
    profiles.push_back(p);

    p.name = "local5g-sub6";
    p.operatingBand = "n79";
    p.frequencyHz = 4850e6;
    p.bandwidthHz = FR1_CARRIER_HZ;
    p.numerology = MU_FR1;
    p.fr2 = false;
    p.tddPattern = FR1_TDD_PATTERN;
    p.specialSlot = FR1_SPECIAL_SLOT;
    p.bandLowHz = N79_LOW_HZ;
    p.bandHighHz = N79_HIGH_HZ;
    p.allocationLowHz = 4600e6;
    p.allocationHighHz = 4900e6;
    p.source = "local 5G 4.6-4.9 GHz (MIC, after the 2020-07-14 Council report), inside n79 "
               "(TS 38.101-1 Table 5.2-1); carrier 4800-4900 MHz, the part usable outdoors "
               "(4.6-4.8 GHz is indoor-only; as reported, verify); 100 MHz at 30 kHz; TDD "
               "synchronised with the public networks, DDDSUUDDDD, S=6D+4G+4U (TS 38.521-4 "
               "FR1.30-4; Japanese use assumed)";
    profiles.push_back(p);

    p.name = "local5g-mmwave";
    p.operatingBand = "n257";
    p.frequencyHz = 28400e6;
    p.bandwidthHz = FR2_CARRIER_HZ;
    p.numerology = MU_FR2;
    p.fr2 = true;
    p.tddPattern = FR2_TDD_PATTERN;
    p.specialSlot = FR2_SPECIAL_SLOT;
    p.bandLowHz = N257_LOW_HZ;
    p.bandHighHz = N257_HIGH_HZ;
    p.allocationLowHz = 28200e6;
    p.allocationHighHz = 29100e6;
    p.source = "local 5G 28.2-29.1 GHz (MIC: 28.2-28.3 GHz from 2019-12, 28.3-29.1 GHz after the "
               "2020-07-14 Council report), inside n257 (TS 38.101-2 Table 5.2-1); carrier "
               "28.2-28.6 GHz, the widest 120 kHz channel (400 MHz, TS 38.101-2 Table 5.3.5-1) "
               "at the bottom of the allocation (assumption); TDD DDDSU, S=10D+2G+2U "
               "(assumption)";
    profiles.push_back(p);

    return profiles;
}

/// The band profiles, built once.
const std::vector<NrBandProfile>&
BandProfiles()
{
    static const std::vector<NrBandProfile> profiles = MakeBandProfiles();
    return profiles;
}

// --- gNB figures. ITU-R M.2412-0 (10/2017) Table 5, evaluation configurations of the eMBB test
// environments, quotes the total transmit power per TRxP in a reference bandwidth: Rural-eMBB
// 46 dBm in 20 MHz; Dense Urban-eMBB macro layer 44 dBm in 20 MHz at 4 GHz and 40 dBm in 80 MHz
// at 30 GHz, micro layer 33 dBm in 20 MHz at 4 GHz and 33 dBm in 80 MHz at 30 GHz; BS noise
// figure 5 dB at 4 GHz and 7 dB at 30 GHz; BS antenna heights 35 m (rural), 25 m (dense urban
// macro), 10 m (micro). The same heights are TR 38.901 Table 7.4.1-1's defaults for RMa, UMa and
// UMi-Street Canyon.

/// Reference bandwidth of the FR1 (4 GHz) powers in M.2412 Table 5.
constexpr double REFERENCE_BANDWIDTH_FR1_HZ = 20e6;
/// Reference bandwidth of the FR2 (30 GHz) powers in M.2412 Table 5.
constexpr double REFERENCE_BANDWIDTH_FR2_HZ = 80e6;
/// BS receiver noise figure at 4 GHz (M.2412 Table 5).
constexpr double BS_NOISE_FIGURE_FR1_DB = 5.0;
/// BS receiver noise figure at 30 GHz (M.2412 Table 5).
constexpr double BS_NOISE_FIGURE_FR2_DB = 7.0;
/// BS antenna gain: the TR 38.901 Table 7.8-1 calibration antenna, one TXRU driving a vertical
/// column of 10 elements (M = 10, N = 1), each of 8 dBi maximum directional gain (TR 38.901
/// Table 7.3-1): 8 + 10 log10(10) = 18 dBi at boresight. The wideband channel has no pattern, so
/// the boresight gain stands for the gain towards every UE (assumption; optimistic off-axis).
constexpr double BS_ANTENNA_GAIN_DBI = 18.0;

/// The cell classes.
std::vector<NrCellClass>
MakeCellClasses()
{
    std::vector<NrCellClass> classes;

    NrCellClass c;
    // Macro site cost, new build with its own tower, 3 sectors (USD; the cost table of Oughton
    // et al.'s open-source 4G/5G techno-economic models, github.com/edwardoughton/pytal
    // scripts/run.py and pysim5g: code parameters of published studies, transcribed, values
    // differ slightly between versions): 3 antennas x 1.5 k, 3 remote radio units x 4 k,
    // baseband unit 10 k, tower 10 k, civil works 5 k, transport 10 k, installation 5 k, power
    // and battery 5 k, router 2 k = 63.5 k USD. Running cost: 10 % of the equipment's capex a
    // year (the models' opex_percentage_of_capex: antennas, radios, baseband, power, router =
    // 33.5 k) plus site rental, rural 2 k USD a year; 10-year return period. At 150 JPY/USD
    // (assumption). Backhaul is a link of its own.
    constexpr double JPY_PER_USD = 150.0;
    constexpr double MACRO_CAPEX_USD =
        3 * 1.5e3 + 3 * 4.0e3 + 10e3 + 10e3 + 5e3 + 10e3 + 5e3 + 5e3 + 2e3;
    constexpr double MACRO_EQUIPMENT_USD = 3 * 1.5e3 + 3 * 4.0e3 + 10e3 + 5e3 + 2e3;
    c.capex = MACRO_CAPEX_USD * JPY_PER_USD;
    c.opexPerYear = (0.10 * MACRO_EQUIPMENT_USD + 2.0e3) * JPY_PER_USD;
    c.lifetimeYears = 10.0;
    c.costSource = "new-build 3-sector macro site 63.5 k USD, opex 10 % of equipment + rural "
                   "rental 2 k USD/yr, 10 years (Oughton et al. pytal/pysim5g cost table), at "
                   "150 JPY/USD (assumption)";
    c.name = "macro";
    c.scenario = "RMa";
    c.txPowerDbmFr1 = 46.0;
    c.referenceBandwidthFr1Hz = REFERENCE_BANDWIDTH_FR1_HZ;
    c.txPowerDbmFr2 = 40.0;
    c.referenceBandwidthFr2Hz = REFERENCE_BANDWIDTH_FR2_HZ;
    c.antennaGainDbi = BS_ANTENNA_GAIN_DBI;
    c.noiseFigureDbFr1 = BS_NOISE_FIGURE_FR1_DB;
    c.noiseFigureDbFr2 = BS_NOISE_FIGURE_FR2_DB;
    c.heightM = 35.0;
    c.source = "rural macro: 46 dBm per 20 MHz, 35 m, NF 5 dB (ITU-R M.2412-0 Table 5, "
               "Rural-eMBB); FR2 40 dBm per 80 MHz and NF 7 dB from the Dense Urban macro layer "
               "at 30 GHz (Rural-eMBB has no 30 GHz configuration: assumption); 18 dBi (TR 38.901 "
               "Table 7.8-1 antenna, 10 x 8 dBi elements); power scaled at constant PSD";
    classes.push_back(c);

    c.name = "macro-urban";
    c.scenario = "UMa";
    // The same site with the models' urban site rental, 9.6 k USD a year.
    c.opexPerYear = (0.10 * MACRO_EQUIPMENT_USD + 9.6e3) * JPY_PER_USD;
    c.costSource = "new-build 3-sector macro site 63.5 k USD, opex 10 % of equipment + urban "
                   "rental 9.6 k USD/yr, 10 years (Oughton et al. pytal/pysim5g cost table), at "
                   "150 JPY/USD (assumption)";
    c.txPowerDbmFr1 = 44.0;
    c.heightM = 25.0;
    c.source = "urban macro: 44 dBm per 20 MHz at 4 GHz, 40 dBm per 80 MHz at 30 GHz, 25 m, NF "
               "5/7 dB (ITU-R M.2412-0 Table 5, Dense Urban-eMBB macro layer); 18 dBi (TR 38.901 "
               "Table 7.8-1 antenna, 10 x 8 dBi elements); power scaled at constant PSD";
    classes.push_back(c);

    c.name = "small";
    c.scenario = "UMi";
    // Small cell site: base station 10-11 k EUR (10.5 k), installation 22.5 k EUR, maintenance
    // and operation 1.5 k EUR a year (EURASIP JWCN 2015 Table 3, LTE-A site assumptions), at
    // 160 JPY/EUR (assumption), recovered over 7
    // years (assumption): a pole or wall mount, no tower of its own.
    c.capex = (10.5e3 + 22.5e3) * 160.0;
    c.opexPerYear = 1.5e3 * 160.0;
    c.lifetimeYears = 7.0;
    c.costSource = "EURASIP JWCN 2015 Table 3 (LTE-A site: BS 10.5 k EUR, installation 22.5 k "
                   "EUR, M&O 1.5 k EUR/yr) at 160 JPY/EUR, 7 years (assumptions)";
    c.txPowerDbmFr1 = 33.0;
    c.txPowerDbmFr2 = 33.0;
    c.heightM = 10.0;
    c.source = "small cell: 33 dBm per 20 MHz at 4 GHz, 33 dBm per 80 MHz at 30 GHz, 10 m, NF "
               "5/7 dB (ITU-R M.2412-0 Table 5, Dense Urban-eMBB micro layer); 18 dBi (TR 38.901 "
               "Table 7.8-1 antenna, used there for UMi too); power scaled at constant PSD";
    classes.push_back(c);

    return classes;
}

/// The cell classes, built once.
const std::vector<NrCellClass>&
CellClasses()
{
    static const std::vector<NrCellClass> classes = MakeCellClasses();
    return classes;
}

// --- UE figures.
/// Power class 3, 23 dBm: the handset class of TS 38.101-1 Table 6.2.1-1; M.2412-0 Table 5 uses
/// 23 dBm at 4 and 30 GHz.
constexpr double UE_POWER_CLASS_3_DBM = 23.0;
/// Power class 2, 26 dBm, defined for n77, n78 and n79 among others (TS 38.101-1 Table 6.2.1-1).
constexpr double UE_POWER_CLASS_2_DBM = 26.0;
/// UE noise figure 7 dB at 4 GHz, 10 dB at 30 GHz (M.2412-0 Table 5).
constexpr double UE_NOISE_FIGURE_FR1_DB = 7.0;
/// UE noise figure at 30 GHz (M.2412-0 Table 5).
constexpr double UE_NOISE_FIGURE_FR2_DB = 10.0;
/// UE antenna element gain 0 dBi at 4 GHz and 5 dBi at 30 GHz (M.2412-0 Table 5).
constexpr double UE_ANTENNA_GAIN_FR1_DBI = 0.0;
/// UE antenna element gain at 30 GHz (M.2412-0 Table 5).
constexpr double UE_ANTENNA_GAIN_FR2_DBI = 5.0;
/// Outdoor UE height 1.5 m (M.2412-0 Table 5; TR 38.901 Table 7.4.1-1 h_UT for ground level).
constexpr double UE_HEIGHT_M = 1.5;
/// FR2 fixed wireless access CPEs are power class 1, whose minimum peak EIRP in n257 is 40 dBm
/// (TS 38.101-2 Table 6.2.1.1-1). A 23 dBm transmitter behind 17 dBi of array gain reaches it
/// (split between power and gain: assumption).
constexpr double CPE_FR2_ARRAY_GAIN_DBI = 17.0;
/// Gain of an outdoor FR1 CPE panel antenna (assumption).
constexpr double CPE_FR1_ANTENNA_GAIN_DBI = 5.0;
/// CPE mounted under the eaves or on the roof of a detached house, 5 m (assumption; inside the
/// 1-10 m UT range of the RMa model, TR 38.901 Table 7.4.1-1).
constexpr double CPE_HEIGHT_M = 5.0;

/// The UE classes.
std::vector<NrUeClass>
MakeUeClasses()
{
    std::vector<NrUeClass> classes;

    NrUeClass u;
    u.name = "handset";
    u.txPowerDbmFr1 = UE_POWER_CLASS_3_DBM;
    u.txPowerDbmFr2 = UE_POWER_CLASS_3_DBM;
    u.antennaGainDbiFr1 = UE_ANTENNA_GAIN_FR1_DBI;
    u.antennaGainDbiFr2 = UE_ANTENNA_GAIN_FR2_DBI;
    u.noiseFigureDbFr1 = UE_NOISE_FIGURE_FR1_DB;
    u.noiseFigureDbFr2 = UE_NOISE_FIGURE_FR2_DB;
    u.heightM = UE_HEIGHT_M;
    u.source = "power class 3, 23 dBm (TS 38.101-1 Table 6.2.1-1); gain 0/5 dBi, NF 7/10 dB at "
               "4/30 GHz, 1.5 m (ITU-R M.2412-0 Table 5)";
    classes.push_back(u);

    u.name = "fwa-cpe";
    u.txPowerDbmFr1 = UE_POWER_CLASS_2_DBM;
    u.txPowerDbmFr2 = UE_POWER_CLASS_3_DBM;
    u.antennaGainDbiFr1 = CPE_FR1_ANTENNA_GAIN_DBI;
    u.antennaGainDbiFr2 = CPE_FR2_ARRAY_GAIN_DBI;
    u.heightM = CPE_HEIGHT_M;
    u.source = "fixed wireless CPE: power class 2, 26 dBm in FR1 (TS 38.101-1 Table 6.2.1-1); "
               "23 dBm + 17 dBi = 40 dBm EIRP in FR2, the power class 1 minimum peak EIRP (TS "
               "38.101-2 Table 6.2.1.1-1); FR1 gain 5 dBi and height 5 m (assumptions); NF 7/10 "
               "dB (ITU-R M.2412-0 Table 5)";
    classes.push_back(u);

    return classes;
}

/// The UE classes, built once.
const std::vector<NrUeClass>&
UeClasses()
{
    static const std::vector<NrUeClass> classes = MakeUeClasses();
    return classes;
}

/**
 * \brief Find an entry of a catalogue by name.
 * \param catalogue the catalogue.
 * \param name the name.
 * \return the entry or nullptr.
 */
template <typename T>
const T*
FindByName(const std::vector<T>& catalogue, const std::string& name)
{
    for (const T& entry : catalogue)
    {
        if (entry.name == name)
        {
            return &entry;
        }
    }
    return nullptr;
}

/**
 * \brief List the names of a catalogue.
 * \param catalogue the catalogue.
 * \return the names in catalogue order.
 */
template <typename T>
std::vector<std::string>
NamesOf(const std::vector<T>& catalogue)
{
    std::vector<std::string> names;
    for (const T& entry : catalogue)
    {
        names.push_back(entry.name);
    }
    return names;
}

} // namespace

const NrBandProfile*
NrBandProfile::Find(const std::string& name)
{
    return FindByName(BandProfiles(), name);
}

std::vector<std::string>
NrBandProfile::Names()
{
    return NamesOf(BandProfiles());
}

double
NrCellClass::GetTxPowerDbm(double bandwidthHz, bool fr2) const
{
    // Constant power spectral density: M.2412 quotes the power per reference bandwidth.
    const double reference = fr2 ? txPowerDbmFr2 : txPowerDbmFr1;
    const double referenceBandwidth = fr2 ? referenceBandwidthFr2Hz : referenceBandwidthFr1Hz;
    return reference + 10.0 * std::log10(bandwidthHz / referenceBandwidth);
}

NrGnbRadio
NrCellClass::MakeRadio(const NrBandProfile& band, double bandwidthHz) const
{
    NrGnbRadio radio;
    radio.txPowerDbm = GetTxPowerDbm(bandwidthHz, band.fr2);
    radio.antennaGainDbi = antennaGainDbi;
    radio.noiseFigureDb = band.fr2 ? noiseFigureDbFr2 : noiseFigureDbFr1;
    radio.heightM = heightM;
    return radio;
}

const NrCellClass*
NrCellClass::Find(const std::string& name)
{
    return FindByName(CellClasses(), name);
}

std::vector<std::string>
NrCellClass::Names()
{
    return NamesOf(CellClasses());
}

NrUeRadio
NrUeClass::MakeRadio(const NrBandProfile& band) const
{
    NrUeRadio radio;
    radio.txPowerDbm = band.fr2 ? txPowerDbmFr2 : txPowerDbmFr1;
    radio.antennaGainDbi = band.fr2 ? antennaGainDbiFr2 : antennaGainDbiFr1;
    radio.noiseFigureDb = band.fr2 ? noiseFigureDbFr2 : noiseFigureDbFr1;
    radio.heightM = heightM;
    return radio;
}

const NrUeClass*
NrUeClass::Find(const std::string& name)
{
    return FindByName(UeClasses(), name);
}

std::vector<std::string>
NrUeClass::Names()
{
    return NamesOf(UeClasses());
}

} // namespace blueprint
} // namespace ns3
